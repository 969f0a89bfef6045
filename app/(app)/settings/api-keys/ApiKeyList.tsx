import { formatDay } from "@/components/dashboard/format";
import type { ApiKeySummary } from "@/lib/api-keys/api-keys";
import { RevokeApiKeyButton } from "./RevokeApiKeyButton";

const day = (date: Date) => formatDay(date.toISOString(), { year: true });

export function ApiKeyList({ keys }: { keys: ApiKeySummary[] }) {
  if (keys.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">No API keys yet.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2.5">Name</th>
            <th scope="col" className="px-4 py-2.5">Key</th>
            <th scope="col" className="px-4 py-2.5">Created</th>
            <th scope="col" className="whitespace-nowrap px-4 py-2.5">Last used</th>
            <th scope="col" className="px-4 py-2.5"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              <td className="px-4 py-3 font-medium text-slate-900">{key.name}</td>
              <td className="px-4 py-3 font-mono text-xs text-slate-600">{key.prefix}…</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">{day(key.createdAt)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">{key.lastUsedAt ? day(key.lastUsedAt) : "Never"}</td>
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
