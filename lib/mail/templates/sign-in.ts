import type { MailMessage } from "../types";
import { renderHtml } from "./layout";

export function renderSignInMail(to: string, url: string, minutesValid: number): MailMessage {
  const subject = "Your MiniStat sign-in link";
  const intro = `Someone (hopefully you) asked to sign in to MiniStat as ${to}. The link below signs you in and works once, for ${minutesValid} minutes.`;
  const ignore = "If you did not ask for this, ignore this e-mail: nobody can sign in without the link.";
  const footer = "MiniStat — privacy-first web analytics, hosted in the EU. You get this e-mail because a sign-in was requested for your address.";
  return {
    to,
    subject,
    text: `${intro}\n\nSign in: ${url}\n\n${ignore}\n\n— MiniStat\n${footer}\n`,
    html: renderHtml({ heading: "Sign in to MiniStat", paragraphs: [intro], button: { label: "Sign in to MiniStat", url }, footer: `${ignore} ${footer}` }),
  };
}
