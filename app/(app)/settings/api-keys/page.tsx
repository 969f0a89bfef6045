import type { Metadata } from "next";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { requireUser } from "@/lib/auth/current-user";
import { getAppUrl } from "@/lib/config/env";
import { ApiKeysPage } from "./ApiKeysPage";

// GET /settings/api-keys — create, list and revoke Stats API keys.
export const metadata: Metadata = { title: "API keys" };

export default async function Page() {
  const user = await requireUser();
  return <ApiKeysPage keys={await listApiKeys(user.id)} appUrl={getAppUrl()} />;
}
