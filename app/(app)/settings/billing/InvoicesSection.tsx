import { link } from "@/components/ui/styles";
import { formatAmount, formatBillingDate } from "@/lib/billing/format";
import { listRecentInvoices } from "@/lib/billing/invoices";

// The last invoices, read from Stripe while the rest of the page is already shown. If Stripe
// fails, this section says so; the page itself never fails for it.

const statusLabels: Record<string, string> = { paid: "Paid", open: "Due", draft: "Draft", uncollectible: "Uncollectible", void: "Void" };

export async function InvoicesSection({ userId }: { userId: string }) {
  const result = await listRecentInvoices(userId);
  if (!result.ok) {
    return (
      <p role="status" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="invoices-unavailable">
        Your invoices cannot be shown right now: we could not reach Stripe. Please try again in a minute.
      </p>
    );
  }
  if (result.invoices.length === 0) return <p className="mt-3 text-sm text-slate-600">No invoices yet.</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your last {result.invoices.length} invoices</caption>
        <thead className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-4">Date</th>
            <th scope="col" className="py-2 pr-4">Amount</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2"><span className="sr-only">Invoice</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td className="py-2.5 pr-4 whitespace-nowrap text-slate-900">{formatBillingDate(invoice.date)}</td>
              <td className="py-2.5 pr-4 whitespace-nowrap text-slate-900">{formatAmount(invoice.amountCents, invoice.currency)}</td>
              <td className="py-2.5 pr-4 text-slate-600">{statusLabels[invoice.status] ?? invoice.status}</td>
              <td className="py-2.5 text-right">
                {invoice.url && (
                  <a href={invoice.url} className={link} target="_blank" rel="noopener noreferrer">
                    View invoice<span className="sr-only"> of {formatBillingDate(invoice.date)} (opens Stripe)</span>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
