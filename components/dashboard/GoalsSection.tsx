import Link from "next/link";
import { link } from "@/components/ui/styles";
import { GoalsTable } from "./GoalsTable";
import { PanelUnavailable } from "./PanelUnavailable";
import { settleRead } from "./settle-read";
import type { DashboardContext } from "./types";

// Goal conversions; with no goals yet, the owner gets a pointer to site settings.
export async function GoalsSection({ ctx }: { ctx: DashboardContext }) {
  if (ctx.goals.length === 0) {
    if (ctx.mode === "shared") return null;
    return (
      <section aria-labelledby="goals-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="goals-title" className="text-base font-semibold text-slate-900">Goals</h2>
        <p className="mt-2 text-sm text-slate-600">
          Count sign-ups, purchases or visits to a thank-you page, with their conversion rate.{" "}
          <Link href={`${ctx.basePath}/settings#goals`} className={link}>Add a goal</Link>
        </p>
      </section>
    );
  }
  const settled = await settleRead(ctx.data.goals());
  if (!settled.ok) return <PanelUnavailable title="Goals" minHeight="min-h-40" reason={settled.unavailable.reason} message={settled.unavailable.message} />;
  const rows = settled.value;
  return (
    <section aria-labelledby="goals-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="goals-title" className="text-base font-semibold text-slate-900">Goal conversions</h2>
      <GoalsTable rows={rows} goals={ctx.goals} basePath={ctx.basePath} view={ctx.view} />
    </section>
  );
}
