import type { ReactNode } from "react";
import AppLayout from "@/app/(app)/layout";
import { requireStaff } from "@/lib/support/require-staff";

// Staff pages (/admin/...) in the app's chrome. Anyone but a signed-in staff account gets a 404
// here, and again from each page and each action: a layout alone is no lock (pages render in
// parallel with it, and actions do not pass through it at all).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return <AppLayout>{children}</AppLayout>;
}
