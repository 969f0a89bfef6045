import { describe, expect, it } from "vitest";
import { classifySource, DIRECT, type Source } from "./referrer";

const page = "example.com";

function fromReferrer(referrer: string | null, pageHostname = page): Source {
  return classifySource({ referrer, pageHostname, utmSource: null, utmMedium: null });
}

describe("classifySource: referrer only", () => {
  it.each<[string | null, string, string | null, Source["channel"]]>([
    // referrer, source, referrerHost, channel
    [null, DIRECT, null, "direct"],
    ["", DIRECT, null, "direct"],
    ["not a url", DIRECT, null, "direct"],
    ["chrome-extension://abcdef/popup.html", DIRECT, null, "direct"],
    ["https://example.com/pricing", DIRECT, null, "direct"],
    ["https://www.example.com/", DIRECT, null, "direct"],
    ["https://shop.example.com/cart", DIRECT, null, "direct"],
    ["https://www.google.com/", "Google", "google.com", "search"],
    ["https://www.google.co.uk/", "Google", "google.co.uk", "search"],
    ["https://www.google.com.br/", "Google", "google.com.br", "search"],
    ["android-app://com.google.android.googlequicksearchbox/", "Google", "com.google.android.googlequicksearchbox", "search"],
    ["https://www.bing.com/search?q=ministat", "Bing", "bing.com", "search"],
    ["https://duckduckgo.com/", "DuckDuckGo", "duckduckgo.com", "search"],
    ["https://search.yahoo.com/", "Yahoo", "search.yahoo.com", "search"],
    ["https://search.yahoo.co.jp/", "Yahoo", "search.yahoo.co.jp", "search"],
    ["https://yandex.ru/", "Yandex", "yandex.ru", "search"],
    ["https://m.baidu.com/", "Baidu", "m.baidu.com", "search"],
    ["https://www.ecosia.org/", "Ecosia", "ecosia.org", "search"],
    ["https://search.brave.com/", "Brave", "search.brave.com", "search"],
    ["https://www.qwant.com/", "Qwant", "qwant.com", "search"],
    ["https://www.startpage.com/", "Startpage", "startpage.com", "search"],
    ["https://l.facebook.com/", "Facebook", "l.facebook.com", "social"],
    ["https://m.facebook.com/", "Facebook", "m.facebook.com", "social"],
    ["https://l.instagram.com/", "Instagram", "l.instagram.com", "social"],
    ["https://t.co/abc", "X (Twitter)", "t.co", "social"],
    ["https://x.com/", "X (Twitter)", "x.com", "social"],
    ["https://twitter.com/", "X (Twitter)", "twitter.com", "social"],
    ["https://www.linkedin.com/", "LinkedIn", "linkedin.com", "social"],
    ["https://lnkd.in/xyz", "LinkedIn", "lnkd.in", "social"],
    ["https://old.reddit.com/r/selfhosted", "Reddit", "old.reddit.com", "social"],
    ["https://www.youtube.com/", "YouTube", "youtube.com", "social"],
    ["https://www.pinterest.de/", "Pinterest", "pinterest.de", "social"],
    ["https://www.tiktok.com/", "TikTok", "tiktok.com", "social"],
    ["https://mastodon.social/@someone", "Mastodon", "mastodon.social", "social"],
    ["https://mastodon.example.org/", "Mastodon", "mastodon.example.org", "social"],
    ["https://fosstodon.org/", "Mastodon", "fosstodon.org", "social"],
    ["https://news.ycombinator.com/item?id=1", "Hacker News", "news.ycombinator.com", "social"],
    ["https://mail.google.com/", "Gmail", "mail.google.com", "email"],
    ["android-app://com.google.android.gm/", "Gmail", "com.google.android.gm", "email"],
    ["https://outlook.live.com/", "Outlook", "outlook.live.com", "email"],
    ["https://mail.yahoo.com/", "Yahoo Mail", "mail.yahoo.com", "email"],
    ["https://webmail.example-isp.de/", "webmail.example-isp.de", "webmail.example-isp.de", "email"],
    ["https://googleads.g.doubleclick.net/", "Google Ads", "googleads.g.doubleclick.net", "paid"],
    ["https://github.com/someone/repo", "GitHub", "github.com", "referral"],
    ["https://en.wikipedia.org/wiki/Web_analytics", "Wikipedia", "en.wikipedia.org", "referral"],
    ["https://www.some-blog.net/post?utm=1", "some-blog.net", "some-blog.net", "referral"],
    ["http://Blog.Example.NET:8080/x", "blog.example.net", "blog.example.net", "referral"],
    ["https://example.com.evil.net/", "example.com.evil.net", "example.com.evil.net", "referral"],
    ["https://notexample.com/", "notexample.com", "notexample.com", "referral"],
  ])("%s → %s", (referrer, source, referrerHost, channel) => {
    expect(fromReferrer(referrer)).toEqual({ source, referrerHost, channel });
  });

  it("treats only subdomains of the page as internal, not its parent platform", () => {
    expect(fromReferrer("https://substack.com/inbox", "alice.substack.com")).toEqual({
      source: "substack.com",
      referrerHost: "substack.com",
      channel: "referral",
    });
    expect(fromReferrer("https://www.example.com/", "WWW.EXAMPLE.COM").channel).toBe("direct");
  });
});

describe("classifySource: utm parameters", () => {
  it.each<[string | null, string | null, string | null, string, string | null, Source["channel"]]>([
    // referrer, utm_source, utm_medium, source, referrerHost, channel
    [null, "google", "cpc", "Google", null, "paid"],
    ["https://www.google.com/", "google", "PPC", "Google", "google.com", "paid"],
    [null, "facebook", "paidsocial", "Facebook", null, "paid"],
    [null, "bing", "display", "Bing", null, "paid"],
    [null, "newsletter", "email", "newsletter", null, "email"],
    [null, "Spring Mailing", "Newsletter", "Spring Mailing", null, "email"],
    [null, "fb", "social", "Facebook", null, "social"],
    [null, "hn", null, "Hacker News", null, "social"],
    [null, "google", null, "Google", null, "search"],
    [null, "news.ycombinator.com", null, "Hacker News", null, "social"],
    [null, "partner-site", null, "partner-site", null, "referral"],
    ["https://t.co/x", "twitter", null, "X (Twitter)", "t.co", "social"],
    ["https://example.com/", "newsletter", "email", "newsletter", null, "email"],
    [null, null, "cpc", DIRECT, null, "paid"],
    ["https://www.bing.com/", null, "paid", "Bing", "bing.com", "paid"],
    ["https://www.bing.com/", "  ", "unknown-medium", "Bing", "bing.com", "search"],
    [null, "partner", "weird", "partner", null, "referral"],
  ])("ref %s, utm_source %s, utm_medium %s → %s", (referrer, utmSource, utmMedium, source, referrerHost, channel) => {
    expect(classifySource({ referrer, pageHostname: page, utmSource, utmMedium })).toEqual({ source, referrerHost, channel });
  });
});
