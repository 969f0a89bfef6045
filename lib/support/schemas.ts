import { z } from "zod";
import { emailSchema } from "@/lib/account/schemas";
import { SUPPORT_LIMITS } from "./types";

// Form input for the support desk (the public form, a customer's reply, the staff inbox).
// Messages are written for the person filling in the form.

const subject = z
  .string({ error: "Enter a subject." })
  .trim()
  .min(1, "Enter a subject.")
  .max(SUPPORT_LIMITS.subject, `Keep the subject under ${SUPPORT_LIMITS.subject} characters.`)
  .transform((s) => s.replace(/\s+/g, " ")); // one line: it becomes an e-mail subject

function messageField(what: string) {
  return z
    .string({ error: `Write a ${what}.` })
    .trim()
    .min(1, `Write a ${what}.`)
    .max(SUPPORT_LIMITS.message, `Keep the ${what} under ${SUPPORT_LIMITS.message.toLocaleString("en")} characters.`);
}

/** The site field is optional free text; an empty field means "no site". */
const site = z
  .string()
  .trim()
  .max(SUPPORT_LIMITS.site, `Keep the site under ${SUPPORT_LIMITS.site} characters (a domain like example.com is enough).`)
  .optional()
  .transform((s) => (s === undefined || s === "" ? undefined : s));

const threadId = z.string({ error: "That conversation was not found." }).trim().min(1, "That conversation was not found.").max(64, "That conversation was not found.");

export const supportRequestSchema = z.object({
  email: emailSchema,
  subject,
  message: messageField("message"),
  site,
  "g-recaptcha-response": z.string().max(4000).optional(),
});

export const supportReplySchema = z.object({ threadId, message: messageField("message") });

export const staffReplySchema = z.object({ threadId, message: messageField("reply") });

export const staffNoteSchema = z.object({ threadId, note: messageField("note") });

export const threadIdSchema = z.object({ threadId });

/** The staff inbox's search box (posted, so that a typed address never lands in a URL) and its current tab. */
export const inboxSearchSchema = z.object({
  q: z.string().trim().max(254, "Keep the search under 254 characters: an address, a reference (MS-…) or a few words.").optional().default(""),
  status: z.string().max(20).optional(),
});
