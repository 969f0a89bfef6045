import type { ReactNode } from "react";
import { eyebrow } from "./styles";

/** Centered heading block at the top of a marketing page. */
export function PageIntro({ kicker, title, children }: { kicker: string; title: string; children?: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl text-center">
      <p className={eyebrow}>{kicker}</p>
      <h1 className="mt-2 text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl">{title}</h1>
      {children && <div className="mt-6 text-lg leading-8 text-pretty text-slate-600">{children}</div>}
    </div>
  );
}
