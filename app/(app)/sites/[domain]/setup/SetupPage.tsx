import Link from "next/link";
import { CodeBlock } from "@/components/sites/CodeBlock";
import { WaitingForPageview } from "@/components/sites/WaitingForPageview";
import type { Snippets } from "@/lib/sites/snippet";
import { SetupStep } from "./SetupStep";

export function SetupPage({ domain, snippets, hasEvents }: { domain: string; snippets: Snippets; hasEvents: boolean }) {
  const base = `/sites/${encodeURIComponent(domain)}`;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <Link href={base} className="text-sm font-medium text-slate-500 hover:text-slate-800">
        <span aria-hidden>←</span> {domain}
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Add the snippet to {domain}</h1>
        <p className="mt-1 text-sm text-slate-600">
          One line in the <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">&lt;head&gt;</code> of every page. It sets no cookies and stores nothing in the browser, so no consent banner is needed.
        </p>
      </div>
      <WaitingForPageview statusUrl={`${base}/status`} dashboardHref={base} initial={hasEvents} />
      <ol className="space-y-8">
        <SetupStep number={1} title="Paste the script into your pages">
          <p>Put it inside <code>&lt;head&gt;</code>, on every page you want to count. Single-page apps are tracked too (history navigation).</p>
          <CodeBlock label="HTML" code={snippets.basic} />
        </SetupStep>
        <SetupStep number={2} title="Optional: outbound links and file downloads">
          <p>Use this variant instead to also count clicks on links to other sites and downloads of files (PDF, ZIP, …).</p>
          <CodeBlock label="HTML — extended script" code={snippets.extended} />
        </SetupStep>
        <SetupStep number={3} title="Optional: custom events">
          <p>Add this stub once, before the script, so calls made before it loads are queued:</p>
          <CodeBlock label="HTML — queue stub" code={snippets.queueStub} />
          <p>Then send an event from your code — for example after a sign-up — and add it as a goal in the site settings to see conversions:</p>
          <CodeBlock label="JavaScript" code={snippets.customEvent} />
        </SetupStep>
      </ol>
      <p className="text-sm text-slate-500">
        Visits from <code>localhost</code> and automated browsers are ignored. To exclude your own visits, run{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-700">localStorage.ministat_ignore = &quot;true&quot;</code> in your browser&apos;s console on your site.
      </p>
    </div>
  );
}
