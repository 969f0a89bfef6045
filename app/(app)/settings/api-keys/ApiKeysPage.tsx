import { SettingsSubpageHeader } from "@/components/app/SettingsSubpageHeader";
import { card } from "@/components/ui/styles";
import type { ApiKeySummary } from "@/lib/api-keys/api-keys";
import { ApiKeyList } from "./ApiKeyList";
import { CreateApiKeyForm } from "./CreateApiKeyForm";

export function ApiKeysPage({ keys, appUrl }: { keys: ApiKeySummary[]; appUrl: string }) {
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <SettingsSubpageHeader title="Stats API keys">
        <p className="text-sm text-slate-600">
          Read your sites&apos; statistics from scripts and reports. Send the key as <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">Authorization: Bearer &lt;key&gt;</code>; a key reads every site of your account.
        </p>
      </SettingsSubpageHeader>
      <section aria-labelledby="create-key-heading" className={card}>
        <h2 id="create-key-heading" className="text-lg font-semibold text-slate-900">Create a key</h2>
        <div className="mt-4">
          <CreateApiKeyForm />
        </div>
      </section>
      <section aria-labelledby="keys-heading" className={card}>
        <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">Your keys</h2>
        <div className="mt-4">
          <ApiKeyList keys={keys} />
        </div>
      </section>
      <section aria-labelledby="example-heading" className={card}>
        <h2 id="example-heading" className="text-lg font-semibold text-slate-900">Example</h2>
        <pre className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-900 px-4 py-3 text-[13px] leading-6 text-slate-100 [overflow-wrap:anywhere]">
          <code>{`curl -H "Authorization: Bearer $MINISTAT_KEY" \\\n  "${appUrl}/api/v1/stats/aggregate?site_id=example.com&period=30d"`}</code>
        </pre>
      </section>
    </div>
  );
}
