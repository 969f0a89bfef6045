import { formatDay } from "@/lib/analytics/format";
import type { ApiKeySummary } from "@/lib/api-keys/api-keys";
import { RevokeApiKeyButton } from "./RevokeApiKeyButton";

const day = (date: Date) => formatDay(date.toISOString(), { year: true });

// On a phone the key, created and last-used columns fold under the name, so that the name
// and "Revoke" fit the screen without scrolling the table sideways.
export function ApiKeyList({ keys }: { keys: ApiKeySummary[] }) {
  if (keys.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">No API keys yet.</p>;
  }
  return (
    <div className="relative overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2.5">Name</th>
            <th scope="col" className="px-4 py-2.5 max-sm:hidden">Key</th>
            <th scope="col" className="px-4 py-2.5 max-sm:hidden">Created</th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5 max-sm:hidden">Last used</th>
            <th scope="col" className="px-4 py-2.5"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              <td className="px-4 py-3">
                <div className="max-w-40 truncate font-medium text-slate-900 sm:max-w-64" title={key.name}>{key.name}</div>
                <div className="mt-0.5 text-xs text-slate-600 sm:hidden">
                  <span className="font-mono">{key.prefix}…</span> · {key.lastUsedAt ? `used ${day(key.lastUsedAt)}` : "never used"}
                </div>
              </td>
              <td className="px-4 py-3 font-mono text-xs text-slate-600 max-sm:hidden">{key.prefix}…</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600 max-sm:hidden">{day(key.createdAt)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600 max-sm:hidden">{key.lastUsedAt ? day(key.lastUsedAt) : "Never"}</td>
              <td className="px-4 py-3 text-right">
                <RevokeApiKeyButton keyId={key.id} name={key.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
