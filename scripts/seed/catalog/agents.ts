import { parseUserAgent } from "@/lib/analytics/enrich/user-agent";
import type { Rng } from "../random";
import { Weighted } from "../weighted";

// Real user-agent strings with a 2026-ish market share, each with the window widths it
// comes with. Browser, OS and device are derived by the ingestion's own parser, so seeded
// rows carry exactly the names real traffic gets. The benchmark's load generator sends
// the same strings as User-Agent headers.

export type Agent = { userAgent: string; width: number; browser: string; os: string; device: string };

const DESKTOP = [1280, 1366, 1440, 1536, 1680, 1920, 2560];
const PHONE = [360, 375, 390, 393, 412, 414, 430];
const TABLET = [768, 810, 820, 834, 1024];

const AGENTS: Array<[string, number, number[]]> = [
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", 22, DESKTOP],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36", 5, DESKTOP],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0", 7, DESKTOP],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0", 5, DESKTOP],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 OPR/124.0.0.0", 1, DESKTOP],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", 10, DESKTOP],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15", 7, DESKTOP],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0", 2.5, DESKTOP],
  ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", 2, DESKTOP],
  ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0", 1.5, DESKTOP],
  ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", 0.8, DESKTOP],
  // iPadOS Safari sends a macOS user agent: only the window width tells it apart.
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15", 2, TABLET],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1", 14, PHONE],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/142.0.7444.77 Mobile/15E148 Safari/604.1", 2, PHONE],
  ["Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36", 11, PHONE],
  ["Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/29.0 Chrome/136.0.0.0 Mobile Safari/537.36", 2.5, PHONE],
  ["Mozilla/5.0 (Android 15; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0", 0.7, PHONE],
  ["Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36", 1, TABLET],
];

/** Every (user agent, width) combination with its weight and parsed facts. */
const COMBOS: Array<readonly [Agent, number]> = AGENTS.flatMap(([userAgent, weight, widths]) =>
  widths.map((width) => {
    const parsed = parseUserAgent(userAgent, width);
    return [{ userAgent, width, browser: parsed.browser, os: parsed.os, device: parsed.device }, weight / widths.length] as const;
  }),
);

const PICKER = new Weighted(COMBOS);

export function sampleAgent(rng: Rng): Agent {
  return PICKER.sample(rng);
}

/** Crawler user agents the ingestion must drop; the load generator mixes a few in. */
export const BOT_AGENTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
];
