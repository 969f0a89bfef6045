export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where the recipient's "Reply" goes (support mail: an address holding the thread reference). */
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post on reports. */
  headers?: Record<string, string>;
};

export type MailKind = "sign-in" | "email-change" | "account-deleted" | "notice" | "billing" | "support" | "report" | "alert";
