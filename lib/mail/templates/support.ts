import type { MailMessage } from "../types";
import { renderHtml } from "./layout";

// Support desk e-mails. Both carry the thread's reference in the subject and a Reply-To that
// leads back to the thread (lib/support/reply-address.ts). The confirmation repeats nothing
// the sender wrote — whoever types someone else's address into the form cannot make us mail
// their text to it; a staff reply holds only that reply, never the earlier messages.

type ThreadMail = { to: string; reference: string; replyTo: string; supportUrl: string };

const FOOTER = "MiniStat — privacy-first web analytics, hosted in the EU. You get this e-mail because of a message to MiniStat support from your address.";

/** One line, no control characters: a subject written into a form or stored earlier. */
function oneLine(value: string): string {
  return value.replace(/\p{Cc}+/gu, " ").replace(/\s+/g, " ").trim();
}

export function renderSupportConfirmationMail({ to, reference, replyTo, supportUrl }: ThreadMail): MailMessage {
  const intro = "Thank you for writing to MiniStat support. Your message has reached us; we answer by e-mail, usually within one working day.";
  const ref = `Your reference is ${reference}. To add something, simply reply to this e-mail.`;
  const ignore = "If you did not write to us, ignore this e-mail.";
  return {
    to,
    subject: `We received your message [${reference}]`,
    replyTo,
    text: `${intro}\n\n${ref}\n\nYour conversations with us: ${supportUrl}\n\n${ignore}\n\n— MiniStat support\n${FOOTER}\n`,
    html: renderHtml({ heading: "We received your message", paragraphs: [intro, ref], button: { label: "Your conversations", url: supportUrl }, footer: `${ignore} ${FOOTER}` }),
  };
}

export function renderSupportReplyMail({ to, reference, replyTo, supportUrl, subject, body }: ThreadMail & { subject: string; body: string }): MailMessage {
  const topic = oneLine(subject).replace(/^(re:\s*)+/i, "");
  const answer = "Reply to this e-mail to answer; keep the reference in the subject.";
  const paragraphs = body.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line !== "");
  return {
    to,
    subject: `Re: ${topic} [${reference}]`,
    replyTo,
    text: `${body.trim()}\n\n— MiniStat support\n\n${answer} Reference: ${reference}. The whole conversation: ${supportUrl}\n${FOOTER}\n`,
    html: renderHtml({
      heading: `Re: ${topic}`,
      paragraphs: [...paragraphs, "— MiniStat support"],
      button: { label: "The whole conversation", url: supportUrl },
      footer: `${answer} Reference: ${reference}. ${FOOTER}`,
    }),
  };
}
