import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getCustomerThread } from "@/lib/support/customer-threads";
import { CustomerThreadPage } from "./CustomerThreadPage";

// GET /support/<threadId> — one of the signed-in customer's conversations, whole (internal notes
// are staff-only and never reach here). Anybody else's thread is a 404, exactly like one that
// does not exist.
export const metadata: Metadata = { title: "Conversation" };

export default async function Page({ params }: { params: Promise<{ threadId: string }> }) {
  const user = await requireUser();
  const { threadId } = await params;
  const thread = await getCustomerThread(user.id, threadId);
  if (!thread) notFound();
  return <CustomerThreadPage thread={thread} />;
}
