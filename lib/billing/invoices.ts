import { getStoredCustomerId } from "./stripe-customer";
import { getStripe } from "./stripe-client";
import { stripeFailure } from "./stripe-errors";

// The account's last invoices, read from Stripe for the billing page. A Stripe failure is
// a message in that section, never an error page.

export type InvoiceSummary = { id: string; date: Date; amountCents: number; currency: string; status: string; url: string | null };
export type RecentInvoices = { ok: true; invoices: InvoiceSummary[] } | { ok: false; message: string };

export const INVOICES_SHOWN = 6;

export async function listRecentInvoices(userId: string): Promise<RecentInvoices> {
  const customer = await getStoredCustomerId(userId);
  if (!customer) return { ok: true, invoices: [] };
  try {
    const page = await getStripe().invoices.list({ customer, limit: INVOICES_SHOWN });
    return {
      ok: true,
      invoices: page.data.map((invoice) => ({
        id: invoice.id ?? "",
        date: new Date(invoice.created * 1000),
        amountCents: invoice.total,
        currency: invoice.currency,
        status: invoice.status ?? "draft",
        url: invoice.hosted_invoice_url ?? null,
      })),
    };
  } catch (error) {
    return { ok: false, message: stripeFailure("invoices", error, { rethrowOthers: false }) };
  }
}
