import { z } from "zod";
import { siteIdSchema } from "@/lib/sites/schemas";

// Input of a traffic alert: the number of current visitors (people seen in the last five
// minutes, the dashboard's realtime figure) above which the owner gets an e-mail.

/** Far above any site MiniStat serves; a typo like 1000000000 is refused, not stored. */
export const MAX_ALERT_THRESHOLD = 1_000_000;

const ENTER_A_NUMBER = "Enter a number of visitors, like 100.";

export const alertThresholdSchema = z.preprocess(
  // People type "1,000" or "1 000"; an empty field is "nothing entered", not 0.
  (raw) => (typeof raw === "string" ? raw.replace(/[\s,_'’]/g, "") || undefined : raw),
  z.coerce
    .number({ error: ENTER_A_NUMBER })
    .refine((n) => Number.isFinite(n), ENTER_A_NUMBER)
    .refine((n) => Number.isInteger(n), "Enter a whole number of visitors, like 100.")
    .refine((n) => n >= 1, "The threshold is at least 1 visitor.")
    .refine((n) => n <= MAX_ALERT_THRESHOLD, `The threshold is at most ${MAX_ALERT_THRESHOLD.toLocaleString("en-US")} visitors.`),
);

export const saveTrafficAlertSchema = siteIdSchema.extend({ threshold: alertThresholdSchema });
