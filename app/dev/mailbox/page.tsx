import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isProduction } from "@/lib/config/env";
import { listOutbox } from "@/lib/mail/list-outbox";

// GET /dev/mailbox — without Mailjet keys, e-mails land here instead (never in production).
export const metadata: Metadata = { title: "Local mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  if (isProduction()) notFound();
  const mails = await listOutbox();
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Local mailbox</h1>
        <p className="mt-1 text-sm text-slate-600">
          No Mailjet keys are set, so e-mails are kept here. Development only; newest first. Reload to see new mail.
        </p>
      </div>
      {mails.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">No e-mails yet.</p>
      ) : (
        <ul className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <p className="text-xs text-slate-500">
                {mail.createdAt.toISOString()} · to {mail.to} · {mail.kind} · {mail.status}
              </p>
              <h2 className="mt-1 font-semibold text-slate-900">{mail.subject}</h2>
              <pre className="mt-3 whitespace-pre-wrap break-all text-sm text-slate-700">{linkify(mail.text)}</pre>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="text-brand-600 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
