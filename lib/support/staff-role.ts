export async function isStaff(userId: string): Promise<boolean> {
  void userId;
  throw new Error("not implemented");
}

export async function setStaffRole(email: string, staff: boolean): Promise<{ ok: true } | { ok: false; reason: "no-account" }> {
  void email, staff;
  throw new Error("not implemented");
}
