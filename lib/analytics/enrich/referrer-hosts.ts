// Known referrer hosts → friendly source name and channel, used by classifySource.
// Keys are hosts without "www."; a key also covers its subdomains (l.facebook.com).

export type Channel = "direct" | "search" | "social" | "email" | "paid" | "referral";
export type KnownSource = { name: string; channel: Channel };

const TABLE: Record<Channel, Record<string, string[]>> = {
  search: {
    Google: ["com.google.android.googlequicksearchbox"], // google.<any tld> is matched by a pattern
    Bing: ["bing.com"],
    DuckDuckGo: ["duckduckgo.com"],
    Yahoo: ["search.yahoo.com", "yahoo.com"], // yahoo.<tld> by pattern
    Yandex: ["ya.ru"], // yandex.<tld> by pattern
    Baidu: ["baidu.com"],
    Ecosia: ["ecosia.org"],
    Brave: ["search.brave.com"],
    Qwant: ["qwant.com"],
    Startpage: ["startpage.com", "startpage.nl"],
    Kagi: ["kagi.com"],
    Seznam: ["seznam.cz"],
    Naver: ["naver.com"],
  },
  social: {
    Facebook: ["facebook.com", "fb.com", "fb.me", "messenger.com", "com.facebook.katana"],
    Instagram: ["instagram.com", "com.instagram.android"],
    "X (Twitter)": ["x.com", "twitter.com", "t.co", "com.twitter.android"],
    LinkedIn: ["linkedin.com", "lnkd.in", "com.linkedin.android"],
    Reddit: ["reddit.com", "redd.it", "com.reddit.frontpage"],
    YouTube: ["youtube.com", "youtu.be", "com.google.android.youtube"],
    Pinterest: ["pin.it"], // pinterest.<tld> by pattern
    TikTok: ["tiktok.com"],
    Threads: ["threads.net", "threads.com"],
    Bluesky: ["bsky.app"],
    Mastodon: ["mastodon.social", "mastodon.online", "mstdn.social", "mas.to", "fosstodon.org", "hachyderm.io", "infosec.exchange", "techhub.social"],
    "Hacker News": ["news.ycombinator.com"],
    Lobsters: ["lobste.rs"],
    VK: ["vk.com"],
    Tumblr: ["tumblr.com"],
    Quora: ["quora.com"],
    Telegram: ["t.me", "telegram.org", "org.telegram.messenger"],
    WhatsApp: ["wa.me", "whatsapp.com"],
    Discord: ["discord.com", "discord.gg"],
    Weibo: ["weibo.com"],
  },
  email: {
    Gmail: ["mail.google.com", "com.google.android.gm"],
    Outlook: ["outlook.live.com", "outlook.office.com", "outlook.office365.com", "outlook.com"],
    "Yahoo Mail": ["mail.yahoo.com"],
    "Proton Mail": ["mail.proton.me", "mail.protonmail.com"],
    "AOL Mail": ["mail.aol.com"],
    "Yandex Mail": ["mail.yandex.ru", "mail.yandex.com"],
    "Zoho Mail": ["mail.zoho.com", "mail.zoho.eu"],
    Fastmail: ["app.fastmail.com"],
    "GMX Mail": ["navigator.gmx.net", "navigator.gmx.com"],
    "WEB.DE Mail": ["navigator.web.de"],
  },
  paid: {
    "Google Ads": ["googleadservices.com", "googleads.g.doubleclick.net", "ad.doubleclick.net", "syndicatedsearch.goog"],
  },
  referral: {
    "Google News": ["news.google.com"],
    GitHub: ["github.com"],
    GitLab: ["gitlab.com"],
    Wikipedia: ["wikipedia.org"],
    "Stack Overflow": ["stackoverflow.com"],
    ChatGPT: ["chatgpt.com", "chat.openai.com"],
    Perplexity: ["perplexity.ai"],
    Medium: ["medium.com"],
    "Product Hunt": ["producthunt.com"],
  },
  direct: {},
};

const HOSTS = new Map<string, KnownSource>();
for (const [channel, sources] of Object.entries(TABLE) as [Channel, Record<string, string[]>][]) {
  for (const [name, hosts] of Object.entries(sources)) {
    for (const host of hosts) HOSTS.set(host, { name, channel });
  }
}

// Brands with one domain per country: google.de, google.co.uk, google.com.br...
const COUNTRY_TLD = String.raw`\.(?:com?\.)?[a-z]{2,3}$`;
const PATTERNS: [RegExp, KnownSource][] = [
  [new RegExp(`(?:^|\\.)google${COUNTRY_TLD}`), { name: "Google", channel: "search" }],
  [new RegExp(`(?:^|\\.)yandex${COUNTRY_TLD}`), { name: "Yandex", channel: "search" }],
  [new RegExp(`(?:^|\\.)yahoo${COUNTRY_TLD}`), { name: "Yahoo", channel: "search" }],
  [new RegExp(`(?:^|\\.)pinterest${COUNTRY_TLD}`), { name: "Pinterest", channel: "social" }],
  // Self-hosted Mastodon instances usually live on mastodon.* / mstdn.*.
  [/^(?:mastodon|mstdn)\./, { name: "Mastodon", channel: "social" }],
];

/** host: lowercase, without "www.". Most specific entry wins: mail.google.com before google.com. */
export function lookupHost(host: string): KnownSource | null {
  for (let h = host; ; ) {
    const hit = HOSTS.get(h);
    if (hit !== undefined) return hit;
    const dot = h.indexOf(".");
    if (dot === -1) break;
    h = h.slice(dot + 1);
  }
  for (const [pattern, source] of PATTERNS) if (pattern.test(host)) return source;
  // Webmail without an entry of its own (mail.example.net, webmail.isp.de).
  if (host.startsWith("mail.") || host.startsWith("webmail.")) return { name: host, channel: "email" };
  return null;
}

// utm_source values that name a known source without being a host ("fb", "hn").
const UTM_ALIASES = new Map<string, KnownSource>();
for (const source of new Set([...HOSTS.values(), ...PATTERNS.map(([, s]) => s)])) {
  UTM_ALIASES.set(source.name.toLowerCase(), source);
}
const ALIASES: [string, string][] = [
  ["fb", "facebook.com"],
  ["ig", "instagram.com"],
  ["twitter", "x.com"],
  ["x", "x.com"],
  ["li", "linkedin.com"],
  ["yt", "youtube.com"],
  ["hn", "news.ycombinator.com"],
  ["hackernews", "news.ycombinator.com"],
  ["ycombinator", "news.ycombinator.com"],
  ["ddg", "duckduckgo.com"],
  ["bsky", "bsky.app"],
];
for (const [alias, host] of ALIASES) {
  const source = HOSTS.get(host);
  if (source !== undefined) UTM_ALIASES.set(alias, source);
}

export function lookupUtmSource(utmSource: string): KnownSource | null {
  const key = utmSource.toLowerCase();
  return UTM_ALIASES.get(key) ?? (key.includes(".") ? lookupHost(key.startsWith("www.") ? key.slice(4) : key) : null);
}
