import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEvent, type ParseEventResult } from "./parse-event";

// Property tests: parseEvent must answer {ok} for anything a client can send, and
// every valid event must come back with exactly the fields it was built from.

function expectWellFormed(result: ParseEventResult): void {
  expect(typeof result.ok).toBe("boolean");
  if (!result.ok) {
    expect(result.error).toMatch(/^(body|n|u|d|p) /);
    return;
  }
  const e = result.event;
  expect(e.name.length).toBeGreaterThan(0);
  expect(e.name.length).toBeLessThanOrEqual(120);
  expect(e.pathname.startsWith("/")).toBe(true);
  expect(e.pathname.length).toBeLessThanOrEqual(1024);
  expect(e.domain).toMatch(/^[a-z0-9.-]{1,253}$/);
  expect(Object.keys(e.props).length).toBeLessThanOrEqual(30);
  for (const value of [e.name, e.pathname, e.hostname, ...Object.keys(e.props), ...Object.values(e.props)]) {
    expect(value).not.toContain("\u0000");
  }
}

const anyField = fc.oneof(fc.jsonValue(), fc.string(), fc.webUrl(), fc.domain());

describe("parseEvent properties", () => {
  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.json()), (body) => {
        expectWellFormed(parseEvent(body));
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary JSON values and near-miss events", () => {
    const nearMiss = fc.record(
      { n: anyField, u: anyField, d: anyField, r: anyField, w: anyField, p: fc.oneof(anyField, fc.dictionary(fc.string(), fc.jsonValue())) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearMiss), (value) => {
        expectWellFormed(parseEvent(JSON.stringify(value) ?? "undefined"));
      }),
      { numRuns: 2000 },
    );
  });

  const noNul = (s: string) => !s.includes("\u0000");
  const trimmed = (s: string) => s.length > 0 && s.trim() === s && noNul(s);
  const text = (max: number) => fc.string({ unit: "grapheme", maxLength: max }).filter((s) => s.length <= max);
  const segment = fc.stringMatching(/^[A-Za-z0-9_~-]{1,12}$/);
  const utmValue = fc.option(text(256).filter(trimmed), { nil: null });

  const validEvent = fc.record({
    name: text(120).filter(trimmed),
    scheme: fc.constantFrom("http", "https"),
    host: fc.domain(),
    segments: fc.array(segment, { maxLength: 6 }),
    trailingSlash: fc.boolean(),
    hash: fc.option(segment, { nil: null }),
    domain: fc.domain(),
    referrer: fc.option(fc.webUrl({ withQueryParameters: true }), { nil: null }),
    screenWidth: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
    props: fc.dictionary(
      text(64).filter((s) => s.length > 0 && noNul(s)),
      fc.oneof(text(200).filter(noNul), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
      { maxKeys: 30 },
    ),
    utmSource: utmValue,
    utmMedium: utmValue,
    utmCampaign: utmValue,
    utmContent: utmValue,
    utmTerm: utmValue,
  });

  it("parses valid generated events back to the same fields", () => {
    fc.assert(
      fc.property(validEvent, (g) => {
        const query = (
          [
            ["utm_source", g.utmSource],
            ["utm_medium", g.utmMedium],
            ["utm_campaign", g.utmCampaign],
            ["utm_content", g.utmContent],
            ["utm_term", g.utmTerm],
          ] as const
        )
          .flatMap(([key, value]) => (value === null ? [] : [`${key}=${encodeURIComponent(value)}`]))
          .concat("ref=private%40example.com")
          .join("&");
        const path = `/${g.segments.join("/")}${g.segments.length > 0 && g.trailingSlash ? "/" : ""}`;
        const url = `${g.scheme}://${g.host}${path}?${query}${g.hash === null ? "" : `#${g.hash}`}`;
        const body = JSON.stringify({ n: g.name, u: url, d: g.domain, r: g.referrer, w: g.screenWidth, p: g.props });
        fc.pre(url.length <= 2048 && Buffer.byteLength(body) <= 8192);

        const result = parseEvent(body);
        if (!result.ok) throw new Error(`${result.error} for ${body}`);
        expect(result.event).toEqual({
          name: g.name,
          hostname: g.host,
          pathname: g.segments.length === 0 ? "/" : `/${g.segments.join("/")}`,
          domain: g.domain.startsWith("www.") ? g.domain.slice(4) : g.domain,
          referrer: g.referrer,
          screenWidth: g.screenWidth,
          props: Object.fromEntries(Object.entries(g.props).map(([k, v]) => [k, String(v)])),
          utmSource: g.utmSource,
          utmMedium: g.utmMedium,
          utmCampaign: g.utmCampaign,
          utmContent: g.utmContent,
          utmTerm: g.utmTerm,
        });
      }),
      { numRuns: 1000 },
    );
  });
});
