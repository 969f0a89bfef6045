// How many samples a slow view gets. Up to `loads` after the warm-up while within the time
// budget; past it, one sample at least — none if the warm-up alone used the budget, then
// the warm-up is the only figure. One very slow view cannot stretch the run by many minutes.

export type LoadPlan = { loads: number; budgetMs: number };

export function anotherSample(taken: number, startedAt: number, warmUpMs: number, plan: LoadPlan): boolean {
  if (taken >= plan.loads) return false;
  if (performance.now() - startedAt <= plan.budgetMs) return true;
  return taken === 0 && warmUpMs <= plan.budgetMs;
}
