import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { BreakdownRow } from "@/lib/analytics/types";
import { buildCsvZip, EXPORTED_BREAKDOWNS, exportFileName } from "./build-csv-zip";

const row = (value: string, visitors: number): BreakdownRow => ({ value, visitors, visits: visitors, pageviews: visitors * 2, bounceRate: 50, visitDuration: 61.5, events: 0 });

describe("buildCsvZip", () => {
  const zip = buildCsvZip({
    timeseries: [{ bucket: "2026-11-01", visitors: 3, visits: 4, pageviews: 9, viewsPerVisit: 2.25, bounceRate: 25, visitDuration: 30 }],
    breakdowns: { page: [row("/a,b", 2), row('/say-"hi"', 1)], country: [row("DE", 5)] },
    goals: [{ goalId: "g1", label: "Signup", kind: "event", visitors: 1, events: 2, conversionRate: 33.333 }],
  });
  const files = unzipSync(zip);
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());

  it("holds one CSV per panel, plus the graph and goals", () => {
    expect(Object.keys(files).sort()).toEqual(["goals.csv", "visitors.csv", ...EXPORTED_BREAKDOWNS.map((b) => b.file)].sort());
  });

  it("writes the graph's buckets", () => {
    expect(text("visitors.csv")).toBe("date,visitors,visits,pageviews,views_per_visit,bounce_rate,visit_duration_seconds\r\n2026-11-01,3,4,9,2.25,25,30\r\n");
  });

  it("quotes values per RFC 4180", () => {
    expect(text("pages.csv")).toBe(
      'page,visitors,visits,pageviews,bounce_rate,visit_duration_seconds,events\r\n"/a,b",2,2,4,50,61.5,0\r\n"/say-""hi""",1,1,2,50,61.5,0\r\n',
    );
  });

  it("writes a header even for an empty panel", () => {
    expect(text("cities.csv")).toBe("city,visitors,visits,pageviews,bounce_rate,visit_duration_seconds,events\r\n");
  });

  it("writes goals with their conversion rate", () => {
    expect(text("goals.csv")).toBe("goal,kind,unique_conversions,total_events,conversion_rate\r\nSignup,event,1,2,33.33\r\n");
  });
});

describe("exportFileName", () => {
  it("names the domain and the range", () => {
    expect(exportFileName("example.com", { from: "2026-11-01", to: "2026-11-30" })).toBe("ministat-example.com-2026-11-01-2026-11-30.zip");
  });
});
