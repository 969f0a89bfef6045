import { getAnalyticsStore } from "@/lib/analytics/get-analytics-store";
import { scheduleStripeCustomerClosing, type StripeCustomerToClose } from "@/lib/billing/close-stripe-customer";
import { prisma } from "@/lib/db/prisma";
import { deleteTracesOfAddresses } from "@/lib/reports/recipient-traces";

// "All your data will be permanently deleted immediately": one transaction removes every row
// that belongs to the account. Rows that hang off the user (sessions, e-mail changes, mails
// linked to it, and later sites with their events) go by ON DELETE CASCADE; rows found only by
// the address (mail to it before it had an account, unused sign-in links) by its blind index.
// Support threads go both ways: linked to the account (cascade) or written, with no account,
// from one of its addresses, current or pending (blind index); their messages go with them. A
// thread from an address that never had an account is kept, as the privacy policy says (staff
// can delete it on request). Report subscriptions of the account's sites go with the sites;
// every mail of theirs (reports, confirmation links, to the owner or to anyone else) and every
// trace of a confirmation link or an unsubscribe (lib/reports/recipient-traces.ts) is linked to
// the account and goes with it. Subscriptions that send another owner's reports to one of its
// addresses are removed as well, with the mails and traces of those addresses.
// tests/integration/delete-account.test.ts walks every table to keep this true.
// The Stripe subscription and customer are closed right after, by a job that holds only
// their ids (lib/billing/close-stripe-customer.ts).

export async function deleteAccount(userId: string): Promise<boolean> {
  const deleted = await prisma.$transaction(async (tx): Promise<{ customer: StripeCustomerToClose | null; siteIds: string[] } | false> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { emailIndex: true, billing: { select: { stripeCustomerId: true, stripeSubscriptionId: true } } } });
    if (!user) return false;
    const pendingAddresses = await tx.emailChangeRequest.findMany({ where: { userId }, select: { newEmailIndex: true } });
    const indexes = [user.emailIndex, ...pendingAddresses.map((r) => r.newEmailIndex)];
    await tx.mail.deleteMany({ where: { OR: [{ userId }, { recipientIndex: { in: indexes } }] } });
    await deleteTracesOfAddresses(tx, indexes);
    await tx.supportThread.deleteMany({ where: { OR: [{ userId }, { userId: null, emailIndex: { in: indexes } }] } });
    await tx.reportSubscription.deleteMany({ where: { emailIndex: { in: indexes } } });
    await tx.verificationToken.deleteMany({ where: { identifier: { in: indexes } } });
    const sites = await tx.site.findMany({ where: { userId }, select: { id: true } });
    await tx.user.delete({ where: { id: userId } });
    const billing = user.billing;
    const customer = billing?.stripeCustomerId ? { customerId: billing.stripeCustomerId, subscriptionId: billing.stripeSubscriptionId } : null;
    return { customer, siteIds: sites.map((site) => site.id) };
  });
  if (deleted === false) return false;
  // The sites' events and visits, wherever the analytics engine keeps them (on Postgres the cascade did it).
  await (await getAnalyticsStore()).deleteSites(deleted.siteIds);
  const stripe = deleted.customer;
  if (stripe) await scheduleStripeCustomerClosing(stripe);
  return true;
}
