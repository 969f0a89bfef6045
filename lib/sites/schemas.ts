import { z } from "zod";
import { normaliseDomain } from "@/lib/analytics/ingest/parse-event-fields";

// Site input: the domain is normalised exactly as the ingestion endpoint normalises the
// tracker's data-domain, so what the owner types is what events are matched against.

const timeZones = new Set(Intl.supportedValuesOf("timeZone").concat(["Etc/UTC", "UTC"]));

export const domainSchema = z
  .string({ error: "Enter your site's domain, like example.com." })
  .trim()
  .min(1, "Enter your site's domain, like example.com.")
  .max(260, "That domain is too long.")
  .transform((raw, ctx) => {
    const withoutScheme = raw.replace(/^[a-z]+:\/\//i, "").replace(/[/?#].*$/, "");
    const result = normaliseDomain(withoutScheme);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: "Enter a domain like example.com or blog.example.com (no path, no port)." });
      return z.NEVER;
    }
    return result.value;
  });

export const timezoneSchema = z
  .string()
  .trim()
  .refine((tz) => timeZones.has(tz), "Choose a time zone from the list.");

export const createSiteSchema = z.object({ domain: domainSchema, timezone: timezoneSchema });

export const updateSiteSchema = z.object({ siteId: z.string().min(1).max(40), timezone: timezoneSchema });

export const renameSiteSchema = z.object({ siteId: z.string().min(1).max(40), domain: domainSchema });

export const siteIdSchema = z.object({ siteId: z.string().min(1).max(40) });

export function listTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
