import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { SettingsPage } from "./SettingsPage";

// GET /settings — account: e-mail, sessions, deletion.
export const metadata: Metadata = { title: "Settings" };

export default async function Page({ searchParams }: { searchParams: Promise<{ emailChanged?: string }> }) {
  const user = await requireUser();
  const { emailChanged } = await searchParams;
  return <SettingsPage email={user.email} emailChanged={emailChanged === "1"} />;
}
