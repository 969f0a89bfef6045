import { UAParser } from "ua-parser-js"; // v1: MIT (v2 is AGPL)
import { LruCache } from "./lru-cache";

// User agent → browser, OS and device class. ua-parser-js costs ~50–250 µs per string
// (it runs hundreds of regexes), by far the most expensive step of ingestion, while
// real traffic repeats a few thousand distinct user agents. So results are cached per
// user agent in a bounded LRU. The cache holds only what the UA itself decides; the
// width fallback is applied per call, so one entry serves every window size.

export type Device = "desktop" | "mobile" | "tablet";

export type ParsedUserAgent = {
  browser: string;
  browserVersion: string;
  os: string;
  osVersion: string;
  device: Device;
};

type UaFacts = Omit<ParsedUserAgent, "device"> & { device: Device | null };

const UNKNOWN = "Unknown";
// Hard bound 10,000 entries (~5 MB); the two-generation cache then always keeps the
// 5,000 most recently seen user agents.
const CACHE_SIZE = 10_000;
// ua-parser-js itself only reads the first 500 characters, so longer strings share an entry.
const UA_MAX_LENGTH = 500;
const MAX_NAME_LENGTH = 64;

const cache = new LruCache<string, UaFacts>(CACHE_SIZE);
// One parser reused: constructing one per call (what UAParser(ua) does) doubles the cost.
const parser = new UAParser();

export function parseUserAgent(ua: string, screenWidth: number | null): ParsedUserAgent {
  const key = ua.trim().slice(0, UA_MAX_LENGTH);
  let facts = cache.get(key);
  if (facts === undefined) {
    facts = parseUncached(key);
    cache.set(key, facts);
  }
  return {
    browser: facts.browser,
    browserVersion: facts.browserVersion,
    os: facts.os,
    osVersion: facts.osVersion,
    device: facts.device ?? deviceFromWidth(screenWidth),
  };
}

// Bootstrap-like breakpoints on innerWidth. Desktop UAs carry no device type, and
// iPadOS Safari sends a macOS UA, so for those the window width is the only signal.
export function deviceFromWidth(width: number | null): Device {
  if (width === null) return "desktop";
  if (width < 576) return "mobile";
  if (width < 992) return "tablet";
  return "desktop";
}

function parseUncached(ua: string): UaFacts {
  parser.setUA(ua);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const type = parser.getDevice().type;
  return {
    browser: normaliseBrowser(browser.name),
    browserVersion: clean(browser.major),
    os: normaliseOs(os.name),
    osVersion: clean(majorMinor(os.version)),
    device: type === "mobile" || type === "wearable" ? "mobile" : type === "tablet" ? "tablet" : null,
  };
}

// Maps, not object literals: a parsed name such as "constructor" must not hit Object.prototype.
const BROWSER_ALIASES = new Map([["IE", "Internet Explorer"]]);

// "Mobile Safari" → "Safari", "Chrome WebView"/"Mobile Chrome"/"Chrome Headless" → "Chrome":
// the dashboard groups by browser and shows mobile vs desktop in its own panel.
export function normaliseBrowser(name: string | undefined): string {
  if (name === undefined || name === "") return UNKNOWN;
  const base = name.replace(/^Mobile /, "").replace(/ (?:Mobile|WebView|Headless)$/, "");
  return clean(BROWSER_ALIASES.get(base) ?? base);
}

const OS_ALIASES = new Map([
  ["Mac OS", "macOS"],
  ["Chrome OS", "ChromeOS"],
  ["Chromium OS", "ChromeOS"],
]);

function normaliseOs(name: string | undefined): string {
  if (name === undefined || name === "") return UNKNOWN;
  return clean(OS_ALIASES.get(name) ?? name);
}

// "17.4.1" → "17.4", "10.15.7" → "10.15", "8.1" and "XP" unchanged: enough to tell
// releases apart without one row per patch level.
function majorMinor(version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  const parts = version.split(".");
  return parts.length > 2 ? `${parts[0]}.${parts[1]}` : version;
}

function clean(value: string | undefined): string {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? UNKNOWN : trimmed.slice(0, MAX_NAME_LENGTH);
}

/** For tests and benchmarks. */
export function clearUserAgentCache(): void {
  cache.clear();
}

export function userAgentCacheSize(): number {
  return cache.size;
}
