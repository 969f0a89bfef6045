import { z } from "zod";
import { checkCustomRange } from "./range";
import { DIMENSIONS, PERIODS, type Filters, type PeriodKey } from "@/lib/analytics/types";

// Dashboard URLs and the Stats API share these parameters, so a link reproduces a view:
// ?period=30d&country=DE&browser=Firefox, or ?period=custom&from=2026-01-01&to=2026-01-31
// (date=2026-01-01,2026-01-31 is shorthand for a custom range). Filters are the dimension
// names as plain parameters; an empty filter is ignored. Other parameters are left alone.

export type StatsParams = { period: PeriodKey; from?: string; to?: string; filters: Filters };

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

export class InvalidStatsParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidStatsParamsError";
  }
}

const MAX_FILTER_LENGTH = 500;

const filterValue = z
  .string()
  .max(MAX_FILTER_LENGTH, `A filter value can be at most ${MAX_FILTER_LENGTH} characters.`)
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v));

const schema = z
  .object({
    period: z.enum(PERIODS, { error: `period must be one of ${PERIODS.join(", ")}.` }).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    date: z.string().optional(),
    ...Object.fromEntries(DIMENSIONS.map((d) => [d, filterValue])),
  })
  .transform((raw, ctx) => {
    const explicitRange = raw.from !== undefined || raw.to !== undefined || raw.date !== undefined;
    const period: PeriodKey = raw.period ?? (explicitRange ? "custom" : "30d");
    const filters: Filters = {};
    for (const dimension of DIMENSIONS) {
      const value = (raw as Record<string, string | undefined>)[dimension];
      if (value !== undefined) filters[dimension] = value;
    }
    if (period !== "custom") return { period, filters };
    let { from, to } = raw;
    if (raw.date !== undefined) [from, to = from] = raw.date.split(",");
    const problem = checkCustomRange(from, to);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return { period, from, to, filters };
  });

function flatten(input: RawSearchParams): { values: Record<string, string>; repeated: string[] } {
  const values: Record<string, string> = {};
  const repeated: string[] = [];
  const entries: Array<[string, string | string[] | undefined]> =
    input instanceof URLSearchParams ? [...new Set(input.keys())].map((k) => [k, input.getAll(k)]) : Object.entries(input);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 1) repeated.push(key);
      if (value[0] !== undefined) values[key] = value[0];
    } else values[key] = value;
  }
  return { values, repeated };
}

const KNOWN = new Set<string>(["period", "from", "to", "date", ...DIMENSIONS]);

export type SafeStatsParams = { ok: true; params: StatsParams } | { ok: false; message: string };

export function safeParseStatsParams(input: RawSearchParams): SafeStatsParams {
  const { values, repeated } = flatten(input);
  const twice = repeated.find((key) => KNOWN.has(key));
  if (twice) return { ok: false, message: `Give ${twice} only once.` };
  const result = schema.safeParse(values);
  if (!result.success) return { ok: false, message: result.error.issues.map((i) => i.message).join(" ") };
  return { ok: true, params: result.data };
}

/** Parses period, range and filters; throws InvalidStatsParamsError with a readable message. */
export function parseStatsParams(input: RawSearchParams): StatsParams {
  const result = safeParseStatsParams(input);
  if (!result.ok) throw new InvalidStatsParamsError(result.message);
  return result.params;
}
