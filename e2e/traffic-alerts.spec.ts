import { expect, test } from "@playwright/test";
import { sentMails, waitForMail } from "./support/mailbox";
import { expectNoAxeViolations, expectNoHorizontalOverflow } from "./support/page-checks";
import { serveTestSite } from "./support/test-site-server";
import { addSite, DESKTOP_FIREFOX, signUp, visitTestSite } from "./support/tracked-site";

// Traffic alerts from the owner's side, at phone width: off by default, switched on with a
// threshold from the keyboard, one e-mail through Mailjet once the site has more current
// visitors (two browsers on the test site), the time of that alert on the settings page, off
// again. The alert check runs every ALERTS_INTERVAL_SECONDS (60 s unless the server sets less).

test.use({ viewport: { width: 390, height: 844 } });

const domain = `alerts-${Date.now()}.example`;

serveTestSite(domain);

test("an owner turns a traffic alert on, gets one e-mail when the site is busy, and turns it off", async ({ browser, page }) => {
  test.setTimeout(90_000);
  const email = await signUp(page, "alerts");
  await addSite(page, domain);
  await page.goto(`/sites/${domain}/settings`);
  const section = page.getByRole("region", { name: "Traffic alerts" });

  await test.step("off by default; on with a threshold typed and submitted from the keyboard", async () => {
    await expect(section.getByText("Off", { exact: true })).toBeVisible();
    const threshold = section.getByLabel("E-mail me when more than this many people are on the site at once");
    await threshold.fill("1");
    await threshold.press("Enter");
    await expect(section.getByRole("status")).toHaveText("Saved. We e-mail you when more than 1 person is on the site at once.");
    await expect(section.getByText("On", { exact: true })).toBeVisible();
    await expect(section.getByText("No alert sent yet.")).toBeVisible();
    await expect(threshold).toHaveValue("1");
    await expectNoHorizontalOverflow(page, "site settings, traffic alert on");
    await expectNoAxeViolations(page, "site settings, traffic alert on");
  });

  await test.step("two people on the site at once: one alert e-mail, shown as sent", async () => {
    const before = (await sentMails(email)).length;
    await visitTestSite(browser, ["/"]);
    await visitTestSite(browser, ["/"], { userAgent: DESKTOP_FIREFOX });
    const mail = await waitForMail(email, { alreadySeen: before, timeoutMs: 30_000 });
    expect(mail.subject).toBe(`Traffic spike on ${domain}: 2 current visitors`);
    expect(mail.text).toContain(`/sites/${domain}/settings#traffic-alerts`);
    await page.reload();
    await expect(section.getByText(/^Last alert sent /)).toBeVisible();
    expect(await sentMails(email)).toHaveLength(before + 1);
  });

  await test.step("turned off", async () => {
    await section.getByRole("button", { name: "Turn off traffic alerts" }).click();
    await expect(section.getByRole("status")).toHaveText("Traffic alerts are off.");
    await expect(section.getByText("Off", { exact: true })).toBeVisible();
    await expect(section.getByRole("button", { name: "Turn on alerts" })).toBeVisible();
  });
});
