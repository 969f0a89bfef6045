import type { DeliveryStatus, MessageDirection, SupportMessageView } from "@/lib/support/types";
import type { Audience } from "./StatusBadge";
import { formatWhen } from "./format";

// A thread's messages, oldest first. Customer, staff and internal notes look different (side,
// colour, label) and say so in words too, not by colour alone. A message written through the
// public form while signed out says so ("sent from the public form, not signed in"): whoever
// wrote it only typed the address. A customer never sees a note:
// the domain leaves them out, and this component drops any that reach it all the same.

const BOX: Record<MessageDirection, string> = {
  customer: "bg-white ring-slate-200 sm:mr-12",
  staff: "bg-brand-50 ring-brand-100 sm:ml-12",
  note: "bg-amber-50 ring-amber-200 border-l-4 border-amber-400 sm:ml-12",
};

function author(message: SupportMessageView, audience: Audience): string {
  if (message.direction === "note") return `Internal note${message.authorEmail ? ` · ${message.authorEmail}` : ""}`;
  if (message.direction === "staff") return audience === "staff" && message.authorEmail ? `MiniStat support · ${message.authorEmail}` : "MiniStat support";
  // Anyone can type any address into the public form: such a message is not "yours" for sure.
  if (message.channel === "web-anonymous") return audience === "customer" ? "Sent with your e-mail address" : "Customer (not signed in)";
  return audience === "customer" ? "You" : "Customer";
}

const CHANNEL: Record<SupportMessageView["channel"], string> = {
  web: "via the support form",
  "web-anonymous": "sent from the public form, not signed in",
  email: "by e-mail",
  inbox: "from the inbox",
};

const DELIVERY: Record<DeliveryStatus, { label: string; className: string }> = {
  received: { label: "Received", className: "text-slate-600" },
  queued: { label: "Sending…", className: "text-amber-700" },
  sent: { label: "E-mailed", className: "text-emerald-700" },
  failed: { label: "E-mail failed", className: "text-red-700 font-medium" },
};

export function ThreadMessages({ messages, audience }: { messages: SupportMessageView[]; audience: Audience }) {
  const shown = audience === "customer" ? messages.filter((m) => m.direction !== "note") : messages;
  if (shown.length === 0) return <p className="text-sm text-slate-500">No messages in this conversation.</p>;
  return (
    <ol className="space-y-4" aria-label="Messages">
      {shown.map((message) => (
        <li key={message.id} data-testid={`message-${message.direction}`}>
          <article className={`rounded-xl p-4 shadow-sm ring-1 ${BOX[message.direction]}`} aria-label={author(message, audience)}>
            <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-xs">
              <span className="min-w-0 font-semibold [overflow-wrap:anywhere] text-slate-800">{author(message, audience)}</span>
              <span className="text-slate-600">
                <time dateTime={message.createdAt.toISOString()}>{formatWhen(message.createdAt)}</time>
                {(message.direction !== "note" || message.channel === "email") && (
                  <>
                    {" · "}
                    <span className={message.channel === "web-anonymous" ? "font-medium text-amber-800" : undefined} data-testid="message-channel">
                      {CHANNEL[message.channel]}
                    </span>
                  </>
                )}
                {message.direction === "staff" && message.delivery && (
                  <>
                    {" · "}
                    <span className={DELIVERY[message.delivery].className} data-testid="delivery-status">
                      {DELIVERY[message.delivery].label}
                    </span>
                  </>
                )}
              </span>
            </header>
            <p className="mt-2 text-sm leading-6 whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere]">{message.body}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
