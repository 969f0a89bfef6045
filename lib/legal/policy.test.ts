import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it, expect } from "vitest";
import { POLICY_SECTIONS, POLICY_UPDATED_AT, getPolicyText } from "./policy";

// The customer-facing policy as written (seed/privacy-policy.txt, a copy of shared/seed).
const seedPath = ["seed/privacy-policy.txt", "../shared/seed/privacy-policy.txt"]
  .map((p) => resolve(process.cwd(), p))
  .find((p) => existsSync(p));

const words = (text: string) => text.replace(/•/g, " ").split(/\s+/).filter(Boolean);

describe("privacy policy", () => {
  it("is dated 2023-10-07", () => {
    expect(POLICY_UPDATED_AT).toBe("2023-10-07");
    expect(getPolicyText("a@b.eu")).toContain("Updated at: 2023-10-07.");
  });

  it("says 'a paid plan', not 'a NMA paid plan'", () => {
    const text = getPolicyText("a@b.eu");
    expect(text).toContain("upgrade to a paid plan");
    expect(text).not.toContain("NMA");
  });

  it("ends with the configured contact address", () => {
    expect(getPolicyText("privacy@example.eu")).toMatch(/Contact us at privacy@example\.eu if you have any questions/);
  });

  it("keeps every promise of the collection list", () => {
    const items = POLICY_SECTIONS.flatMap((s) => s.items ?? []);
    expect(items).toHaveLength(8);
  });

  it("matches the seed policy word for word", () => {
    expect(seedPath, "seed/privacy-policy.txt is in the repository").toBeDefined();
    const seed = readFileSync(seedPath!, "utf8").replace("a NMA paid plan", "a paid plan");
    const contact = /Contact us at (\S+) if/.exec(seed)?.[1] ?? "";
    expect(words(getPolicyText(contact))).toEqual(words(seed));
  });
});
