import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/support/require-staff";
import { getInboxThread } from "@/lib/support/staff-inbox";
import { StaffThreadPage } from "./StaffThreadPage";

// GET /admin/support/<threadId> — one thread for staff: every message and note, the other
// threads from the same address, where a reply goes, and what can be done with it. Staff only (404 otherwise).
export const metadata: Metadata = { title: "Support thread" };

export default async function Page({ params }: { params: Promise<{ threadId: string }> }) {
  await requireStaff();
  const { threadId } = await params;
  const found = await getInboxThread(threadId);
  if (!found) notFound();
  return <StaffThreadPage thread={found.thread} sameAddress={found.sameAddress} replyGoesTo={found.replyGoesTo} />;
}
