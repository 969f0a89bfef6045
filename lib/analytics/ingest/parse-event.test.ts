import { describe, expect, it } from "vitest";
import { parseEvent, type RawEvent } from "./parse-event";

const base = { n: "pageview", u: "https://example.com/blog/", d: "example.com", r: null, w: 1280 };

function parse(fields: Record<string, unknown>) {
  return parseEvent(JSON.stringify({ ...base, ...fields }));
}

function parseOk(fields: Record<string, unknown>): RawEvent {
  const result = parse(fields);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.event;
}

function errorOf(body: string): string {
  const result = parseEvent(body);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("parseEvent", () => {
  it("parses a typical pageview", () => {
    expect(parseOk({ r: "https://www.google.com/", p: { plan: "pro", seats: 3, trial: true } })).toEqual({
      name: "pageview",
      hostname: "example.com",
      pathname: "/blog",
      domain: "example.com",
      referrer: "https://www.google.com/",
      screenWidth: 1280,
      props: { plan: "pro", seats: "3", trial: "true" },
      utmSource: null,
      utmMedium: null,
      utmCampaign: null,
      utmContent: null,
      utmTerm: null,
    });
  });

  it("keeps only utm_* from the query and drops the fragment", () => {
    const event = parseOk({
      u: "https://Example.com/a/b/?email=me%40x.eu&utm_source=news%20letter&utm_medium=email&utm_campaign=spring&utm_content=%20&utm_term=x#top",
    });
    expect(event.hostname).toBe("example.com");
    expect(event.pathname).toBe("/a/b");
    expect(JSON.stringify(event)).not.toContain("me@x.eu");
    expect([event.utmSource, event.utmMedium, event.utmCampaign, event.utmContent, event.utmTerm]).toEqual([
      "news letter",
      "email",
      "spring",
      null,
      "x",
    ]);
  });

  it("normalises pathnames", () => {
    expect(parseOk({ u: "https://example.com" }).pathname).toBe("/");
    expect(parseOk({ u: "https://example.com/" }).pathname).toBe("/");
    expect(parseOk({ u: "https://example.com//" }).pathname).toBe("/");
    expect(parseOk({ u: "https://example.com/docs//" }).pathname).toBe("/docs");
    expect(parseOk({ u: "https://example.com/über" }).pathname).toBe("/%C3%BCber");
    const long = parseOk({ u: `https://example.com/${"a".repeat(1021)}%C3%BC` }).pathname;
    expect(long).toBe(`/${"a".repeat(1021)}`); // cut before the half escape
  });

  it("caps utm values at 256 characters and strips NUL everywhere", () => {
    const event = parseOk({ n: "a\u0000b", u: `https://example.com/?utm_source=${"s".repeat(300)}&utm_term=%00t`, p: { k: "v\u0000" } });
    expect(event.utmSource).toHaveLength(256);
    expect(event.utmTerm).toBe("t");
    expect(event.name).toBe("ab");
    expect(event.props).toEqual({ k: "v" });
  });

  it("normalises the domain", () => {
    expect(parseOk({ d: " WWW.Example.COM " }).domain).toBe("example.com");
    expect(parseOk({ d: "münchen.de" }).domain).toBe("xn--mnchen-3ya.de");
    expect(parseOk({ d: "shop.my-site.co.uk" }).domain).toBe("shop.my-site.co.uk");
  });

  it.each([
    ["example.com:8080"],
    ["https://example.com"],
    ["example.com/path"],
    ["exa mple.com"],
    ["-example.com"],
    ["example..com"],
    ["example.com."],
    [`${"a".repeat(250)}.com`],
    [42],
  ])("rejects the domain %j", (d) => {
    expect(errorOf(JSON.stringify({ ...base, d }))).toMatch(/^d \(domain\) must be a domain name/);
  });

  it.each<[string, string]>([
    ["body must be valid JSON", ""],
    ["body must be valid JSON", "{"],
    ["body must be a JSON object", "null"],
    ["body must be a JSON object", "[1]"],
    ["body must be a JSON object", '"x"'],
    ["body must be at most 8192 bytes", " ".repeat(8193)],
    ["body must be at most 8192 bytes", JSON.stringify({ ...base, n: "x", p: { k: "é".repeat(4100) } })],
    ["n (event name) is required", JSON.stringify({ ...base, n: undefined })],
    ["n (event name) is required", JSON.stringify({ ...base, n: "   " })],
    ["n (event name) must be a string", JSON.stringify({ ...base, n: 1 })],
    ["n (event name) must be at most 120 characters", JSON.stringify({ ...base, n: "x".repeat(121) })],
    ["u (page URL) is required", JSON.stringify({ ...base, u: undefined })],
    ["u (page URL) must be an absolute http(s) URL of at most 2048 characters", JSON.stringify({ ...base, u: "/relative" })],
    ["u (page URL) must be an absolute http(s) URL of at most 2048 characters", JSON.stringify({ ...base, u: "ftp://example.com/" })],
    ["u (page URL) must be an absolute http(s) URL of at most 2048 characters", JSON.stringify({ ...base, u: `https://example.com/${"a".repeat(2030)}` })],
    ["d (domain) is required", JSON.stringify({ ...base, d: "" })],
    ["p (props) must be an object", JSON.stringify({ ...base, p: [] })],
    ["p (props) must be an object", JSON.stringify({ ...base, p: "x" })],
    ["p (props) may have at most 30 entries", JSON.stringify({ ...base, p: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i])) })],
    ["p (props) keys must be 1 to 64 characters", JSON.stringify({ ...base, p: { "": "x" } })],
    ["p (props) keys must be 1 to 64 characters", JSON.stringify({ ...base, p: { ["k".repeat(65)]: "x" } })],
    ['p (props) value of "k" must be a string, finite number or boolean', JSON.stringify({ ...base, p: { k: null } })],
    ['p (props) value of "k" must be a string, finite number or boolean', JSON.stringify({ ...base, p: { k: { nested: 1 } } })],
    ['p (props) value of "k" must be a string, finite number or boolean', '{"n":"x","u":"https://e.com/","d":"e.com","p":{"k":1e400}}'],
  ])("rejects with %j (case %#)", (error, body) => {
    expect(errorOf(body)).toBe(error);
  });

  it("accepts up to 30 props and cuts long values to 500 characters", () => {
    const p = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(parseOk({ p }).props)).toHaveLength(30);
    expect(parseOk({ p: { k: "v".repeat(501) } }).props.k).toHaveLength(500);
    expect(parseOk({ p: { k: `${"v".repeat(499)}😀` } }).props.k).toBe("v".repeat(499)); // no lone surrogate
  });

  it("cannot be used for prototype pollution", () => {
    const event = parseEvent('{"n":"x","u":"https://e.com/","d":"e.com","p":{"__proto__":"y"}}');
    expect(event.ok && Object.getPrototypeOf(event.event.props)).toBe(Object.prototype);
    expect(event.ok && Object.keys(event.event.props)).toEqual(["__proto__"]);
  });

  it.each<[unknown, string | null]>([
    [undefined, null],
    [null, null],
    ["", null],
    [5, null],
    ["not a url", null],
    ["/relative", null],
    [`https://e.com/${"a".repeat(2048)}`, null],
    [" https://news.ycombinator.com/ ", "https://news.ycombinator.com/"],
    ["android-app://com.google.android.gm/", "android-app://com.google.android.gm/"],
  ])("keeps a usable referrer, else null instead of rejecting: case %#", (r, expected) => {
    expect(parseOk({ r }).referrer).toBe(expected);
  });

  it.each<[unknown, number | null]>([
    [0, 0],
    [390, 390],
    [100_000, 100_000],
    [100_001, null],
    [-1, null],
    [12.5, null],
    ["1280", null],
    [undefined, null],
  ])("screen width %j → %j", (w, expected) => {
    expect(parseOk({ w }).screenWidth).toBe(expected);
  });
});
