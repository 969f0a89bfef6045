import type { MailMessage } from "../types";
import { renderHtml } from "./layout";

export function renderEmailChangeMail(to: string, url: string, hoursValid: number): MailMessage {
  const intro = `You asked to use ${to} as the e-mail address of your MiniStat account. Confirm it within ${hoursValid} hours with the link below; until then your old address stays in use.`;
  const ignore = "If you did not ask for this, ignore this e-mail and nothing changes.";
  return {
    to,
    subject: "Confirm your new MiniStat e-mail address",
    text: `${intro}\n\nConfirm: ${url}\n\n${ignore}\n\n— MiniStat\n`,
    html: renderHtml({ heading: "Confirm your new address", paragraphs: [intro], button: { label: "Confirm this address", url }, footer: ignore }),
  };
}
