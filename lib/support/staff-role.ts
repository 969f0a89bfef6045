import { emailBlindIndex } from "@/lib/crypto/blind-index";
import { prisma } from "@/lib/db/prisma";

// The staff role opens the support inbox (/admin/support). It is granted and revoked only
// from the command line (npm run admin:grant / admin:revoke, scripts/admin-role.ts): no page
// can make anyone staff.

export async function isStaff(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role === "staff";
}

export async function setStaffRole(email: string, staff: boolean): Promise<{ ok: true } | { ok: false; reason: "no-account" }> {
  const { count } = await prisma.user.updateMany({ where: { emailIndex: emailBlindIndex(email) }, data: { role: staff ? "staff" : "customer" } });
  return count === 1 ? { ok: true } : { ok: false, reason: "no-account" };
}
