import { describe, expect, it } from "vitest";
import { alertThresholdSchema, MAX_ALERT_THRESHOLD, saveTrafficAlertSchema } from "./schemas";

const message = (raw: unknown) => {
  const result = alertThresholdSchema.safeParse(raw);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("alertThresholdSchema", () => {
  it("accepts whole numbers from 1 to the maximum, typed with or without separators", () => {
    expect(alertThresholdSchema.parse("100")).toBe(100);
    expect(alertThresholdSchema.parse(" 1,000 ")).toBe(1000);
    expect(alertThresholdSchema.parse("1 000")).toBe(1000);
    expect(alertThresholdSchema.parse(1)).toBe(1);
    expect(alertThresholdSchema.parse(String(MAX_ALERT_THRESHOLD))).toBe(MAX_ALERT_THRESHOLD);
  });

  it("refuses empty, non-numeric, fractional, zero, negative and huge thresholds with a message a person can act on", () => {
    expect(message("")).toBe("Enter a number of visitors, like 100.");
    expect(message("  ")).toBe("Enter a number of visitors, like 100.");
    expect(message(undefined)).toBe("Enter a number of visitors, like 100.");
    expect(message("lots")).toBe("Enter a number of visitors, like 100.");
    expect(message("Infinity")).toBe("Enter a number of visitors, like 100.");
    expect(message("12.5")).toBe("Enter a whole number of visitors, like 100.");
    expect(message("0")).toBe("The threshold is at least 1 visitor.");
    expect(message(-5)).toBe("The threshold is at least 1 visitor.");
    expect(message(String(MAX_ALERT_THRESHOLD + 1))).toBe("The threshold is at most 1,000,000 visitors.");
  });
});

describe("saveTrafficAlertSchema", () => {
  it("needs the site and the threshold", () => {
    expect(saveTrafficAlertSchema.parse({ siteId: "site_1", threshold: "250" })).toEqual({ siteId: "site_1", threshold: 250 });
    expect(saveTrafficAlertSchema.safeParse({ threshold: "250" }).success).toBe(false);
    expect(saveTrafficAlertSchema.safeParse({ siteId: "site_1" }).success).toBe(false);
  });
});
