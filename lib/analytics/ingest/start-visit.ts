import { lookupLocation } from "@/lib/analytics/enrich/geo";
import { classifySource } from "@/lib/analytics/enrich/referrer";
import { parseUserAgent } from "@/lib/analytics/enrich/user-agent";
import type { SiteRef, VisitRecord } from "@/lib/analytics/types";
import type { RawEvent } from "./parse-event";
import { newVisitId } from "./sessions";

// A new visit takes its source, location and device from its first event. Only the
// first event pays for this enrichment: later events of the visit only move counters.
// The IP and user agent are used here, in memory, and are not kept in the record.

export function startVisit(site: SiteRef, visitorId: string, event: RawEvent, ip: string, userAgent: string, at: number): VisitRecord {
  const source = classifySource({
    referrer: event.referrer,
    // The site's domain rather than the page's host: shop.example.com → example.com is internal.
    pageHostname: site.domain,
    utmSource: event.utmSource,
    utmMedium: event.utmMedium,
  });
  const agent = parseUserAgent(userAgent, event.screenWidth);
  const location = lookupLocation(ip);
  return {
    site,
    visitId: newVisitId(),
    visitorId,
    startedAt: at,
    lastSeen: at,
    entryPage: event.pathname,
    exitPage: event.pathname,
    pageviews: 0,
    events: 0,
    source: source.source,
    referrerHost: source.referrerHost,
    channel: source.channel,
    utmSource: event.utmSource,
    utmMedium: event.utmMedium,
    utmCampaign: event.utmCampaign,
    utmContent: event.utmContent,
    utmTerm: event.utmTerm,
    country: location.country,
    region: location.region,
    city: location.city,
    browser: agent.browser,
    os: agent.os,
    device: agent.device,
  };
}
