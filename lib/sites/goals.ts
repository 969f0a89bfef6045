import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import type { GoalDefinition } from "@/lib/analytics/types";

// Goals: a custom event name ("Signup") or a page path ("/thank-you"). Conversions are counted
// by the analytics queries; this module only keeps the definitions, owner-checked.

export const MAX_GOALS_PER_SITE = 50;

export const goalInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("event"),
    value: z.string().trim().min(1, "Enter the event name, like Signup.").max(120, "Event names are at most 120 characters."),
  }),
  z.object({
    kind: z.literal("page"),
    value: z
      .string()
      .trim()
      .min(1, "Enter a page path, like /thank-you.")
      .max(500, "That path is too long.")
      .refine((path) => path.startsWith("/"), "A page path starts with /, like /thank-you.")
      .refine((path) => !/[\s?#]/.test(path), "Enter the path only: no spaces, query string or #fragment."),
  }),
]);

export type GoalInput = z.infer<typeof goalInputSchema>;

export type Goal = GoalDefinition & { createdAt: Date };

export type CreateGoalResult = { ok: true; goal: Goal } | { ok: false; message: string };

const goalFields = { id: true, eventName: true, pagePath: true, createdAt: true } as const;

export function listGoals(siteId: string): Promise<Goal[]> {
  return prisma.goal.findMany({ where: { siteId }, select: goalFields, orderBy: { createdAt: "asc" } });
}

export function goalLabel(goal: GoalDefinition): string {
  return goal.eventName ?? `Visit ${goal.pagePath ?? ""}`;
}

export async function createGoal(userId: string, siteId: string, input: GoalInput): Promise<CreateGoalResult> {
  const site = await prisma.site.findFirst({ where: { id: siteId, userId }, select: { id: true } });
  if (!site) return { ok: false, message: "That site does not exist." };
  const data = input.kind === "event" ? { eventName: input.value, pagePath: null } : { eventName: null, pagePath: input.value };
  const existing = await prisma.goal.findMany({ where: { siteId }, select: { eventName: true, pagePath: true } });
  if (existing.length >= MAX_GOALS_PER_SITE) return { ok: false, message: `A site can have at most ${MAX_GOALS_PER_SITE} goals.` };
  if (existing.some((goal) => goal.eventName === data.eventName && goal.pagePath === data.pagePath)) {
    return { ok: false, message: "That goal already exists." };
  }
  const goal = await prisma.goal.create({ data: { siteId, ...data }, select: goalFields });
  return { ok: true, goal };
}

/** Deletes the goal if it belongs to one of the user's sites; false otherwise. */
export async function deleteGoal(userId: string, goalId: string): Promise<boolean> {
  const { count } = await prisma.goal.deleteMany({ where: { id: goalId, site: { userId } } });
  return count === 1;
}
