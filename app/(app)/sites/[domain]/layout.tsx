import type { ReactNode } from "react";
import { requireOwnedSite } from "./owned-site";

// Every page under /sites/[domain] belongs to the site's owner. Checked here, before anything
// streams, so a foreign or unknown domain answers with a real 404 status; pages check again.
export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ domain: string }> }) {
  await requireOwnedSite((await params).domain);
  return children;
}
