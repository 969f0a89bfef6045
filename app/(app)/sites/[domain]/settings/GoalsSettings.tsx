import { InlineActionButton } from "@/components/sites/InlineActionButton";
import { card } from "@/components/ui/styles";
import { goalLabel, type Goal } from "@/lib/sites/goals";
import { deleteGoalAction } from "./actions";
import { AddGoalForm } from "./AddGoalForm";

export function GoalsSettings({ siteId, goals }: { siteId: string; goals: Goal[] }) {
  return (
    <section id="goals" aria-labelledby="goals-heading" className={`${card} scroll-mt-6`}>
      <h2 id="goals-heading" className="text-lg font-semibold text-slate-900">Goals</h2>
      <p className="mt-1 text-sm text-slate-600">Conversions show on the dashboard: unique visitors who reached the goal, total completions and the conversion rate.</p>
      {goals.length > 0 ? (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
          {goals.map((goal) => (
            <li key={goal.id} className="flex items-center justify-between gap-3 px-4 py-2.5">
              <span className="flex min-w-0 items-center gap-3">
                <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${goal.eventName ? "bg-violet-50 text-violet-700 ring-1 ring-violet-200" : "bg-sky-50 text-sky-700 ring-1 ring-sky-200"}`}>
                  {goal.eventName ? "Event" : "Page"}
                </span>
                <span className="truncate text-sm font-medium text-slate-900" title={goalLabel(goal)}>{goalLabel(goal)}</span>
              </span>
              <InlineActionButton action={deleteGoalAction} fields={{ goalId: goal.id }} label="Delete" pendingLabel="Deleting…" accessibleLabel={`Delete goal ${goalLabel(goal)}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-500">No goals yet.</p>
      )}
      <div className="mt-6 border-t border-slate-100 pt-5">
        <AddGoalForm siteId={siteId} />
      </div>
    </section>
  );
}
