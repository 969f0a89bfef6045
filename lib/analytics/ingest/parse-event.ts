import {
  LIMITS,
  normaliseDomain,
  parsePageUrl,
  parseProps,
  parseReferrer,
  parseScreenWidth,
  stripNul,
} from "./parse-event-fields";

// Validates the tracker's body {"n","u","d","r","w","p"} by hand rather than with zod:
// this runs for every event, and a flat sequence of typeof checks is several times
// cheaper and allocates nothing on failure. It never throws, whatever the input.

export type RawEvent = {
  /** Event name, trimmed: "pageview" or a custom event such as "Signup". */
  name: string;
  /** Host of the page URL as the URL parser gives it: lowercase, punycode, no port. */
  hostname: string;
  /** Path of the page URL: no query, no fragment, no trailing slash (except "/"), percent-encoded, ≤ 1024. */
  pathname: string;
  /** Site domain the tracker was configured with: lowercase ASCII, without "www.". */
  domain: string;
  /** Absolute referrer URL for source classification only; never store it (it may hold a query). */
  referrer: string | null;
  /** window.innerWidth in CSS pixels, or null when missing/invalid. */
  screenWidth: number | null;
  /** Custom properties, values converted to strings. */
  props: Record<string, string>;
  /** utm_* parameters of the page URL, trimmed, ≤ 256 characters, null when absent or empty. */
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  utmTerm: string | null;
};

export type ParseEventResult = { ok: true; event: RawEvent } | { ok: false; error: string };

export function parseEvent(body: string): ParseEventResult {
  if (typeof body !== "string") return fail("body must be a string");
  // String length ≤ byte length, so only bodies that might be over the limit pay for counting bytes.
  if (body.length > LIMITS.bodyBytes || (body.length * 3 > LIMITS.bodyBytes && Buffer.byteLength(body) > LIMITS.bodyBytes)) {
    return fail(`body must be at most ${LIMITS.bodyBytes} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail("body must be valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return fail("body must be a JSON object");
  const input = json as Record<string, unknown>;

  if (input.n !== undefined && input.n !== null && typeof input.n !== "string") {
    return fail("n (event name) must be a string");
  }
  const name = typeof input.n === "string" ? stripNul(input.n).trim() : "";
  if (name === "") return fail("n (event name) is required");
  if (name.length > LIMITS.name) return fail(`n (event name) must be at most ${LIMITS.name} characters`);

  const page = parsePageUrl(input.u);
  if (!page.ok) return page;
  const domain = normaliseDomain(input.d);
  if (!domain.ok) return domain;
  const props = parseProps(input.p);
  if (!props.ok) return props;

  const url = page.value; // field by field: a spread costs more, on every event
  return {
    ok: true,
    event: {
      name,
      hostname: url.hostname,
      pathname: url.pathname,
      utmSource: url.utmSource,
      utmMedium: url.utmMedium,
      utmCampaign: url.utmCampaign,
      utmContent: url.utmContent,
      utmTerm: url.utmTerm,
      domain: domain.value,
      referrer: parseReferrer(input.r),
      screenWidth: parseScreenWidth(input.w),
      props: props.value,
    },
  };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
