import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ShareFrame } from "@/components/dashboard/ShareFrame";
import { getShareAccess } from "./share-access";

// A shared dashboard: no account, no app navigation. An unknown slug is a 404 (checked here,
// before anything streams, so the status is a real 404).
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function ShareLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  if (!(await getShareAccess((await params).slug))) notFound();
  return <ShareFrame>{children}</ShareFrame>;
}
