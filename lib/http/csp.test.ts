import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "./csp";

// The page policy: scripts only by nonce (and what nonced scripts load), never eval outside
// `next dev`, never inline script without the nonce; reCAPTCHA's frames allowed.

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("pageContentSecurityPolicy", () => {
  it("allows scripts by this response's nonce, with no 'unsafe-inline' or 'unsafe-eval' outside next dev", () => {
    const nonce = createNonce();
    const scripts = directive(pageContentSecurityPolicy({ nonce, devServer: false }), "script-src");
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directive(pageContentSecurityPolicy({ nonce, devServer: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("lets the reCAPTCHA widget load its script and frame, and nothing frame us", () => {
    const policy = pageContentSecurityPolicy({ nonce: createNonce(), devServer: false });
    expect(directive(policy, "script-src")).toContain("https://www.google.com/recaptcha/");
    expect(directive(policy, "script-src")).toContain("https://www.gstatic.com/recaptcha/");
    expect(directive(policy, "frame-src")).toContain("https://www.google.com/recaptcha/");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
  });

  it("lets forms post only to us, and follow our billing redirects to Stripe's hosted pages", () => {
    const policy = pageContentSecurityPolicy({ nonce: createNonce(), devServer: false });
    expect(directive(policy, "form-action")).toBe("form-action 'self' https://checkout.stripe.com https://billing.stripe.com");
  });

  it("makes a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
