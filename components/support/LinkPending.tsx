"use client";

import { useLinkStatus } from "next/link";

// Inside a <Link>: a small spinner while the page it opens is on its way (the current page
// stays until then), so a click on a tab or a thread visibly does something.
export function LinkPending() {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={`inline-block size-3 shrink-0 rounded-full border-2 border-current border-r-transparent ${pending ? "animate-spin" : "invisible"}`} />;
}
