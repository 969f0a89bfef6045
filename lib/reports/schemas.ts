import { z } from "zod";
import { REPORT_FREQUENCIES } from "./periods";

// Form input for the "E-mail reports" settings. Messages are written for the site's owner.

export const reportFrequencySchema = z.enum(REPORT_FREQUENCIES, { error: "Choose weekly or monthly." });

export const recipientEmailSchema = z
  .string({ error: "Enter the recipient's e-mail address." })
  .trim()
  .min(1, "Enter the recipient's e-mail address.")
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Enter a valid e-mail address, like name@example.com."));
