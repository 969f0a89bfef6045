import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./support/e2e-env";
import { captureServerAction, replayAction, type CapturedAction } from "./support/forged-requests";
import { uniqueEmail } from "./support/mailbox";

// Issue 7, finding 6: a cross-site server action was refused with a 500. A request from
// another site's page answers 403, one Next.js cannot decode answers 400 — never a 5xx — and a
// well-formed request from our own page still works.

async function captureLogin(page: import("@playwright/test").Page): Promise<CapturedAction> {
  await page.goto("/login");
  await page.getByLabel("E-mail address").fill(uniqueEmail("refusals"));
  return captureServerAction(page, () => page.getByRole("button", { name: "Email me a sign-in link" }).click());
}

test("cross-site and malformed server-action requests get a 4xx, never a 5xx", async ({ page }) => {
  const action = await captureLogin(page);

  await test.step("the request as the browser sent it works", async () => {
    const response = await replayAction(action, {});
    expect(response.status, response.body).toBe(200);
  });

  for (const origin of ["http://evil.example", "https://localhost", "null", "not a url"]) {
    await test.step(`Origin: ${origin} → 403`, async () => {
      const response = await replayAction(action, { origin });
      expect(response.status, response.body).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: "cross_site_request" } });
    });
  }

  await test.step("a form posted from another site (no Next-Action header) → 403", async () => {
    const response = await replayAction(action, { origin: "http://evil.example", "next-action": null });
    expect(response.status, response.body).toBe(403);
  });

  const malformed: { name: string; changes: Record<string, string | null>; body: string }[] = [
    { name: "a body that is not JSON", changes: { "content-type": "text/plain;charset=UTF-8" }, body: "not json {" },
    { name: "a multipart body that ends early", changes: { "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[" },
    { name: "arguments that are not form data", changes: { "content-type": "text/plain;charset=UTF-8" }, body: "[1,2]" },
    { name: "references to parts that were never sent", changes: { "content-type": "text/plain;charset=UTF-8" }, body: '["$@5","$@6"]' },
    { name: "an unknown action id", changes: { "next-action": "7f00000000000000000000000000000000000000aa" }, body: "[]" },
    { name: "an action id that is not one", changes: { "next-action": "../../etc/passwd" }, body: "[]" },
  ];
  for (const { name, changes, body } of malformed) {
    await test.step(`${name} → 4xx`, async () => {
      const response = await replayAction(action, changes, body);
      expect(response.status, response.body).toBeGreaterThanOrEqual(400);
      expect(response.status, response.body).toBeLessThan(500);
    });
  }

  await test.step("after all that, our own page still signs in normally", async () => {
    const response = await replayAction(action, { origin: E2E_BASE_URL });
    expect(response.status).toBe(200);
  });
});
