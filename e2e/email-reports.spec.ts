import { expect, test } from "@playwright/test";
import { sentMails, uniqueEmail, waitForMail } from "./support/mailbox";
import { waitForMailQueue } from "./support/mail-queue";
import { expectNoAxeViolations, expectNoHorizontalOverflow } from "./support/page-checks";
import { addSite, signUp } from "./support/tracked-site";

// The "E-mail reports" section of a site's settings: the owner turns their own weekly report
// on and off, adds a colleague for the monthly report, who gets only a confirmation link;
// opening it (signed out, in another browser) shows a page and changes nothing until its
// button is pressed. The reports themselves, their periods and unsubscribing are covered by
// tests/integration/email-reports.test.ts (they need a clock at the end of a week).

test("the owner manages e-mail reports; an added recipient confirms by a link with no session", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const domain = `reports-${Date.now()}.example`;
  const colleague = uniqueEmail("colleague");
  await signUp(page, "reports-owner");
  await addSite(page, domain);
  await page.goto(`/sites/${domain}/settings`);
  const section = page.getByRole("region", { name: "E-mail reports" });
  await expect(section).toBeVisible();

  await test.step("turn the own weekly report on and off", async () => {
    const weekly = section.getByTestId("own-report-weekly");
    await expect(weekly).toContainText("Off");
    await weekly.getByRole("button", { name: "Turn on" }).click();
    await expect(weekly).toContainText("On");
    await expect(weekly.getByRole("button", { name: "Turn off" })).toBeVisible();
    await expect(section.getByTestId("own-report-monthly")).toContainText("Off");
    await weekly.getByRole("button", { name: "Turn off" }).click();
    await expect(weekly.getByRole("button", { name: "Turn on" })).toBeVisible();
    await weekly.getByRole("button", { name: "Turn on" }).click();
    await expect(weekly).toContainText("On");
  });

  await test.step("refuse a bad address with a message, then add the colleague for the monthly report", async () => {
    const field = section.getByLabel("Recipient's e-mail address");
    await field.fill("not an address");
    await section.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(section.getByRole("alert")).toContainText("Enter a valid e-mail address");
    // The radio is visually hidden inside its label (a segmented control): click the label, as a person does.
    const monthly = section.getByRole("radio", { name: "Monthly" });
    await monthly.locator("xpath=ancestor::label[1]").click();
    await expect(monthly).toBeChecked();
    await field.fill(colleague);
    await section.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(section.getByRole("status")).toContainText(`We sent a confirmation link to ${colleague}`);
    await expect(field, "an added address clears the field").toHaveValue("");
    const row = section.getByTestId("report-recipient").filter({ hasText: colleague });
    await expect(row).toContainText("Pending");
    await expect(row).toContainText("Monthly");
  });

  const mail = await waitForMail(colleague);
  expect(mail.subject).toBe(`Confirm your monthly report for ${domain}`);
  const link = /http:\/\/[^\s]+\/reports\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no confirmation link in:\n${mail.text}`);

  await test.step("the link, opened signed out, shows a page and confirms only with its button", async () => {
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    const response = await other.goto(link);
    expect(response?.status()).toBe(200);
    await expect(other.getByRole("heading", { name: `Receive the monthly report for ${domain}?` })).toBeVisible();
    await page.reload();
    await expect(section.getByTestId("report-recipient").filter({ hasText: colleague }), "opening the link confirmed nothing").toContainText("Pending");

    await other.getByRole("button", { name: "Confirm the subscription" }).click();
    await expect(other.getByRole("heading", { name: "Subscription confirmed" })).toBeVisible();
    expect(await stranger.cookies(), "the confirmation pages set no cookie").toEqual([]);
    await other.goto(link);
    await expect(other.getByRole("heading", { name: "This confirmation link does not work" })).toBeVisible();
    await stranger.close();

    await page.reload();
    await expect(section.getByTestId("report-recipient").filter({ hasText: colleague })).toContainText("Confirmed");
  });

  await test.step("the section fits a phone and passes axe", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await section.scrollIntoViewIfNeeded();
    await expectNoHorizontalOverflow(page, "site settings with e-mail reports");
    await expectNoAxeViolations(page, "site settings with e-mail reports");
  });

  await test.step("remove the colleague", async () => {
    await section.getByRole("form", { name: `Remove ${colleague} from the monthly report` }).getByRole("button", { name: "Remove" }).click();
    await expect(section.getByTestId("report-recipient")).toHaveCount(0);
    await expect(section.getByText("No other recipients.")).toBeVisible();
  });

  await waitForMailQueue();
  expect(await sentMails(colleague), "the colleague got the confirmation link and nothing else").toHaveLength(1);
});
