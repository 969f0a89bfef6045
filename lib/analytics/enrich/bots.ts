import { isbot } from "isbot";
import { LruCache } from "./lru-cache";

// The tracker runs inside a browser, and every browser's fetch/sendBeacon sends a user
// agent starting with "Mozilla/" (old Opera: "Opera/") and far longer than 30
// characters. Anything else reaching /api/event is a script or a crawler, even when
// isbot's list does not know it yet (new HTTP libraries appear every month).
const MIN_BROWSER_UA_LENGTH = 30;
const BROWSER_PREFIX = /^(?:Mozilla|Opera)\//;

// Automation and audit tools that look like a real browser apart from one token.
const AUTOMATION = /headless|lighthouse|pagespeed|phantomjs|selenium|webdriver|puppeteer|playwright|cypress/i;

// isbot's pattern costs ~3 µs on a browser UA; the same few thousand UAs come back all
// day, so verdicts are memoised (a Map hit is ~0.1 µs).
const verdicts = new LruCache<string, boolean>(10_000);
const MAX_CACHED_LENGTH = 512;

export function isBotUserAgent(ua: string | undefined): boolean {
  if (ua === undefined) return true;
  const trimmed = ua.trim();
  if (trimmed.length < MIN_BROWSER_UA_LENGTH || !BROWSER_PREFIX.test(trimmed)) return true;
  const cacheable = trimmed.length <= MAX_CACHED_LENGTH;
  const cached = cacheable ? verdicts.get(trimmed) : undefined;
  if (cached !== undefined) return cached;
  const verdict = AUTOMATION.test(trimmed) || isbot(trimmed);
  if (cacheable) verdicts.set(trimmed, verdict);
  return verdict;
}
