import { randomUUID } from "node:crypto";

// Payloads in the shape Mailjet's Parse API posts to a webhook for every e-mail it receives
// on a parse route (https://dev.mailjet.com/email/guides/parse-api/): envelope Sender and
// Recipient, the main headers also as top-level fields, every header under Headers (most as
// arrays of lines, Date/From/To/Cc/Subject/Message-ID… as strings), Parts with a ContentRef
// per body part, the bodies as Text-part / Html-part, attachments base64 in AttachmentN.
// Plain data, no test-framework imports: Vitest tests and Playwright specs both use it.

export type InboundMail = {
  /** The address the e-mail was delivered to (the envelope recipient), e.g. a support reply address. */
  to: string;
  /** The sender's address; with `fromName` the From header reads "Name <address>". */
  from: string;
  fromName?: string;
  cc?: string;
  subject?: string;
  text?: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
};

function mailjetDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").slice(0, 15); // 20150410T160638
}

export function mailjetParsePayload(mail: InboundMail, now = new Date()): Record<string, unknown> {
  const from = mail.fromName ? `${mail.fromName} <${mail.from}>` : mail.from;
  const subject = mail.subject ?? "Re: your message";
  const parts: { Headers: Record<string, string>; ContentRef: string }[] = [];
  const payload: Record<string, unknown> = {};
  if (mail.text !== undefined) {
    parts.push({ Headers: { "Content-Type": "text/plain; charset=UTF-8" }, ContentRef: "Text-part" });
    payload["Text-part"] = mail.text;
  }
  if (mail.html !== undefined) {
    parts.push({ Headers: { "Content-Type": "text/html; charset=UTF-8", "Content-Transfer-Encoding": "quoted-printable" }, ContentRef: "Html-part" });
    payload["Html-part"] = mail.html;
  }
  (mail.attachments ?? []).forEach((attachment, i) => {
    parts.push({
      Headers: {
        "Content-Type": `${attachment.contentType}; name=${attachment.filename}`,
        "Content-Transfer-Encoding": "base64",
        "Content-Disposition": `attachment; filename=${attachment.filename}`,
      },
      ContentRef: `Attachment${i + 1}`,
    });
    payload[`Attachment${i + 1}`] = Buffer.from(attachment.content).toString("base64");
  });
  return {
    Sender: mail.from,
    Recipient: mail.to,
    Date: mailjetDate(now),
    From: from,
    Subject: subject,
    Headers: {
      "Return-Path": [`<${mail.from}>`],
      Received: [`by 10.107.134.160 with HTTP; ${now.toUTCString()}`],
      "MIME-Version": ["1.0"],
      "Content-Type": ["multipart/alternative; boundary=001a1141f3c406f1b2051360f37d"],
      Date: now.toUTCString(),
      "Message-ID": `<${randomUUID()}@mail.example.com>`,
      Subject: subject,
      From: from,
      To: mail.to,
      ...(mail.cc ? { Cc: mail.cc } : {}),
    },
    Parts: parts,
    ...payload,
    SpamAssassinScore: "0.602",
  };
}
