import { describe, expect, it } from "vitest";
import { goalInputSchema, goalLabel } from "./goals";

describe("goalInputSchema", () => {
  it("accepts an event name and a page path", () => {
    expect(goalInputSchema.parse({ kind: "event", value: " Signup " })).toEqual({ kind: "event", value: "Signup" });
    expect(goalInputSchema.parse({ kind: "page", value: "/thank-you" })).toEqual({ kind: "page", value: "/thank-you" });
  });

  it("refuses a page path without a leading slash or with a query string", () => {
    expect(goalInputSchema.safeParse({ kind: "page", value: "thank-you" }).success).toBe(false);
    expect(goalInputSchema.safeParse({ kind: "page", value: "/thanks?x=1" }).success).toBe(false);
  });

  it("refuses an empty value and an unknown kind", () => {
    expect(goalInputSchema.safeParse({ kind: "event", value: "  " }).success).toBe(false);
    expect(goalInputSchema.safeParse({ kind: "click", value: "x" }).success).toBe(false);
  });
});

describe("goalLabel", () => {
  it("names event goals by the event and page goals by the path", () => {
    expect(goalLabel({ id: "1", eventName: "Signup", pagePath: null })).toBe("Signup");
    expect(goalLabel({ id: "2", eventName: null, pagePath: "/thanks" })).toBe("Visit /thanks");
  });
});
