import type { ThreadStatus } from "@/lib/support/types";

// A thread's status in words for whoever is looking: "waiting" is the customer's turn, which the
// customer reads as "Waiting for you" and staff as "Waiting for customer".

export type Audience = "customer" | "staff";

const LABELS: Record<Audience, Record<ThreadStatus, string>> = {
  customer: { open: "Open", waiting: "Waiting for you", closed: "Closed" },
  staff: { open: "Open", waiting: "Waiting for customer", closed: "Closed" },
};

const COLORS: Record<ThreadStatus, string> = {
  open: "bg-brand-50 text-brand-700 ring-brand-100",
  waiting: "bg-amber-50 text-amber-800 ring-amber-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function statusLabel(status: ThreadStatus, audience: Audience): string {
  return LABELS[audience][status];
}

export function StatusBadge({ status, audience, testId }: { status: ThreadStatus; audience: Audience; testId?: string }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${COLORS[status]}`} data-testid={testId}>
      {statusLabel(status, audience)}
    </span>
  );
}
