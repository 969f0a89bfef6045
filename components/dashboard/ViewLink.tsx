"use client";

import Link from "next/link";
import type { ComponentProps, MouseEvent } from "react";
import { useViewNavigation } from "./ViewNavigation";

// A link to another view of the same dashboard. A plain click navigates inside a transition
// (so the dashboard can show it is updating); modified clicks open tabs as usual.
export function ViewLink({ href, onClick, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const navigation = useViewNavigation();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!navigation || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigation.navigate(href);
  };
  return <Link href={href} scroll={false} onClick={handleClick} {...props} />;
}
