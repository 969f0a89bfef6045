// The support desk's shapes, shared by the domain modules (lib/support) and the pages:
// a thread of messages with one correspondent, decrypted for display.

export type ThreadStatus = "open" | "waiting" | "closed"; // waiting = for the customer (staff replied last)
export type MessageDirection = "customer" | "staff" | "note"; // note = internal, staff only
export type DeliveryStatus = "received" | "queued" | "sent" | "failed"; // customer msgs: received; staff replies: their Mail's status
/**
 * How a message came in: "web" the support form or a thread's page, signed in; "web-anonymous"
 * the public form, signed out (anyone can type any address there, so it is shown as such);
 * "email" an e-mailed reply; "inbox" written by staff.
 */
export type MessageChannel = "web" | "web-anonymous" | "email" | "inbox";

export type SupportMessageView = {
  id: string;
  direction: MessageDirection;
  channel: MessageChannel;
  body: string;
  createdAt: Date;
  /** The staff member who wrote a reply or note — in staff views only; null for the customer's own messages and in customer views. */
  authorEmail: string | null;
  /** Customer messages: "received"; staff replies: the state of the e-mail that carries them; notes: null. */
  delivery: DeliveryStatus | null;
};

export type ThreadSummary = {
  id: string;
  reference: string;
  subject: string;
  email: string;
  site: string | null;
  status: ThreadStatus;
  createdAt: Date;
  lastMessageAt: Date;
  messageCount: number;
  /** The thread belongs to an account (it goes with the account; the inbox cannot delete it). */
  hasAccount: boolean;
  lastDirection: MessageDirection;
};

export type ThreadDetail = ThreadSummary & { messages: SupportMessageView[] };

/** Upper bounds on what a correspondent or staff member can write (characters). */
export const SUPPORT_LIMITS = { subject: 200, message: 10_000, site: 253 } as const;
