import { beforeEach, describe, expect, it } from "vitest";
import {
  clearUserAgentCache,
  deviceFromWidth,
  normaliseBrowser,
  parseUserAgent,
  userAgentCacheSize,
  type ParsedUserAgent,
} from "./user-agent";

const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  firefoxUbuntu: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  safariIpad: "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  chromeAndroidTablet: "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  webView: "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36",
  chromeIos: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1",
  firefoxAndroid: "Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80",
  samsung: "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
  chromeOs: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  ie11: "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
};

function expected(browser: string, browserVersion: string, os: string, osVersion: string, device: ParsedUserAgent["device"]) {
  return { browser, browserVersion, os, osVersion, device };
}

describe("parseUserAgent", () => {
  beforeEach(() => clearUserAgentCache());

  it.each<[keyof typeof UA, number | null, ParsedUserAgent]>([
    ["chromeWindows", 1920, expected("Chrome", "124", "Windows", "10", "desktop")],
    ["firefoxUbuntu", 1280, expected("Firefox", "125", "Ubuntu", "Unknown", "desktop")],
    ["safariMac", 1440, expected("Safari", "17", "macOS", "10.15", "desktop")],
    ["safariIphone", 390, expected("Safari", "17", "iOS", "17.4", "mobile")],
    ["safariIpad", 820, expected("Safari", "16", "iOS", "16.6", "tablet")],
    ["chromeAndroid", 412, expected("Chrome", "124", "Android", "10", "mobile")],
    ["chromeAndroidTablet", 1280, expected("Chrome", "124", "Android", "13", "tablet")],
    ["webView", 412, expected("Chrome", "124", "Android", "13", "mobile")],
    ["chromeIos", 390, expected("Chrome", "124", "iOS", "17.4", "mobile")],
    ["firefoxAndroid", 412, expected("Firefox", "125", "Android", "14", "mobile")],
    ["edge", 1536, expected("Edge", "124", "Windows", "10", "desktop")],
    ["samsung", 384, expected("Samsung Internet", "24", "Android", "14", "mobile")],
    ["chromeOs", 1366, expected("Chrome", "124", "ChromeOS", "14541.0", "desktop")],
    ["ie11", null, expected("Internet Explorer", "11", "Windows", "7", "desktop")],
  ])("%s", (name, width, result) => {
    expect(parseUserAgent(UA[name], width)).toEqual(result);
  });

  it("falls back to the window width when the UA has no device type", () => {
    // iPadOS Safari sends a macOS user agent; only the width reveals the tablet.
    expect(parseUserAgent(UA.safariMac, 820).device).toBe("tablet");
    expect(parseUserAgent(UA.chromeWindows, 500).device).toBe("mobile");
    expect(parseUserAgent(UA.chromeWindows, null).device).toBe("desktop");
    // ...but a device type in the UA wins over the width.
    expect(parseUserAgent(UA.safariIphone, 1200).device).toBe("mobile");
  });

  it("answers Unknown for empty or meaningless user agents", () => {
    expect(parseUserAgent("", null)).toEqual(expected("Unknown", "Unknown", "Unknown", "Unknown", "desktop"));
    expect(parseUserAgent("zzz", 375)).toEqual(expected("Unknown", "Unknown", "Unknown", "Unknown", "mobile"));
  });

  it("caches per user agent, whatever the width, and stays bounded", () => {
    parseUserAgent(UA.safariMac, 820);
    parseUserAgent(UA.safariMac, 1440);
    expect(userAgentCacheSize()).toBe(1);
    for (let i = 0; i < 11_000; i++) parseUserAgent(`Mozilla/5.0 test/${i}`, null);
    expect(userAgentCacheSize()).toBeLessThanOrEqual(10_000);
    expect(userAgentCacheSize()).toBeGreaterThanOrEqual(5_000);
  });
});

describe("deviceFromWidth", () => {
  it.each<[number | null, string]>([
    [null, "desktop"],
    [0, "mobile"],
    [575, "mobile"],
    [576, "tablet"],
    [991, "tablet"],
    [992, "desktop"],
  ])("%j → %s", (width, device) => {
    expect(deviceFromWidth(width)).toBe(device);
  });
});

describe("normaliseBrowser", () => {
  it.each([
    ["Mobile Safari", "Safari"],
    ["Mobile Chrome", "Chrome"],
    ["Chrome Mobile", "Chrome"],
    ["Chrome WebView", "Chrome"],
    ["Chrome Headless", "Chrome"],
    ["Mobile Firefox", "Firefox"],
    ["Samsung Internet", "Samsung Internet"],
    ["constructor", "constructor"],
    [undefined, "Unknown"],
  ])("%j → %s", (name, browser) => {
    expect(normaliseBrowser(name)).toBe(browser);
  });
});
