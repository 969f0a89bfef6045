import { CheckIcon } from "./icons";
import { container, eyebrow, sectionLead, sectionTitle } from "./styles";

// The public address of the hosted tracker.
const SCRIPT_SRC = "https://ministat.eu/js/script.js";

const POINTS = [
  "Under 1 KB gzipped, loaded with defer: it never blocks your page.",
  "No cookies, no localStorage: nothing is stored in the browser.",
  "Counts single-page-app navigations and custom events too.",
  "Ignores localhost and automated browsers.",
];

export function ScriptSnippet() {
  return (
    <section aria-labelledby="install-title" className="bg-slate-50 py-20 sm:py-24">
      <div className={`${container} grid items-center gap-12 lg:grid-cols-2`}>
        <div>
          <p className={eyebrow}>Install in a minute</p>
          <h2 id="install-title" className={`mt-2 ${sectionTitle}`}>
            One script tag in your &lt;head&gt;
          </h2>
          <p className={sectionLead}>
            Add your site, paste the script tag, and the first visitors show up on your dashboard within seconds.
          </p>
          <ul className="mt-8 space-y-3">
            {POINTS.map((point) => (
              <li key={point} className="flex gap-3 text-slate-700">
                <CheckIcon className="mt-0.5 size-5 shrink-0 text-brand-600" />
                {point}
              </li>
            ))}
          </ul>
        </div>
        <div className="overflow-hidden rounded-2xl bg-slate-900 shadow-xl ring-1 ring-slate-900/10">
          <div className="flex items-center justify-between border-b border-white/10 px-4 py-2.5">
            <span className="text-xs font-medium text-slate-400">index.html</span>
            <span className="rounded bg-white/10 px-2 py-0.5 text-xs font-medium text-slate-300">HTML</span>
          </div>
          <pre tabIndex={0} aria-label="The MiniStat script tag" className="overflow-x-auto rounded-b-2xl p-5 text-sm leading-7 sm:p-6">
            <code className="font-mono text-slate-300">
              <span className="text-sky-300">&lt;script</span> <span className="text-violet-300">defer</span>
              {"\n  "}
              <span className="text-violet-300">data-domain</span>=<span className="text-emerald-300">&quot;yourdomain.com&quot;</span>
              {"\n  "}
              <span className="text-violet-300">src</span>=<span className="text-emerald-300">&quot;{SCRIPT_SRC}&quot;</span>
              <span className="text-sky-300">&gt;&lt;/script&gt;</span>
            </code>
          </pre>
        </div>
      </div>
    </section>
  );
}
