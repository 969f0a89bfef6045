export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
};

export type MailKind = "sign-in" | "email-change" | "account-deleted" | "notice" | "billing";
