import { CheckIcon } from "./icons";
import { container, eyebrow, sectionLead, sectionTitle } from "./styles";
import { getTrackerGzipBytes } from "./tracker-size";

const BUDGET_BYTES = 1024;

const DIFFERENCES = [
  "Every promise in our privacy policy is checked by an automated test that fails if the product breaks it.",
  "Your account e-mail and support messages are encrypted in the application (AES-256-GCM) before they reach the database.",
  "Hosted on Hostens servers in Vilnius, Lithuania; our own pages load nothing from another origin.",
  "Deleting your account deletes all of its data, immediately.",
];

const formatBytes = (n: number) => `${n.toLocaleString("en-US")} B`;

export function Comparison() {
  const measured = getTrackerGzipBytes();
  const rows = [
    { name: "MiniStat", bytes: measured ?? BUDGET_BYTES, label: measured === null ? "under 1 KB" : formatBytes(measured), ours: true },
    { name: "Plausible", bytes: 742, label: formatBytes(742), ours: false },
    { name: "Umami", bytes: 2223, label: formatBytes(2223), ours: false },
  ];
  const max = Math.max(...rows.map((r) => r.bytes));

  return (
    <section aria-labelledby="compare-title" className="bg-slate-50 py-20 sm:py-28">
      <div className={`${container} grid gap-12 lg:grid-cols-2 lg:gap-16`}>
        <div>
          <p className={eyebrow}>How we compare</p>
          <h2 id="compare-title" className={`mt-2 ${sectionTitle}`}>
            In good company, with a few differences
          </h2>
          <p className={sectionLead}>
            Plausible and Umami are privacy-friendly, cookie-less analytics too, and we learned from both. Here is the
            size of each tracking script, and what MiniStat does on top.
          </p>
          <ul className="mt-8 space-y-4">
            {DIFFERENCES.map((d) => (
              <li key={d} className="flex gap-3 leading-7 text-slate-700">
                <CheckIcon className="mt-1 size-5 shrink-0 text-brand-600" />
                {d}
              </li>
            ))}
          </ul>
        </div>
        <div className="self-center rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <table className="w-full text-left">
            <caption className="mb-6 text-left text-base font-semibold text-slate-900">
              Tracking script size, gzipped
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Relative size</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name}>
                  <th scope="row" className={`py-3 pr-4 text-sm font-semibold ${row.ours ? "text-brand-700" : "text-slate-700"}`}>
                    {row.name}
                  </th>
                  <td className="w-full py-3">
                    <div className="h-3 overflow-hidden rounded-full bg-slate-100">
                      <svg aria-hidden="true" viewBox="0 0 100 1" preserveAspectRatio="none" className="block size-full">
                        <rect width={(row.bytes / max) * 100} height="1" className={row.ours ? "fill-brand-500" : "fill-slate-400"} />
                      </svg>
                    </div>
                  </td>
                  <td className="py-3 pl-4 text-right text-sm font-medium whitespace-nowrap text-slate-900 tabular-nums">
                    {row.label}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-6 text-xs leading-5 text-slate-500">
            {measured === null ? "MiniStat's script has a hard budget of 1 KB gzipped. " : "MiniStat's size is measured from the script this server delivers. "}
            Plausible and Umami figures are their standard scripts at the time of writing and may change with new
            releases.
          </p>
        </div>
      </div>
    </section>
  );
}
