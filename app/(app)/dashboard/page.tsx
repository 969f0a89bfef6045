import type { Metadata } from "next";

// GET /dashboard — the signed-in home: the user's sites.
export const metadata: Metadata = { title: "Your sites" };

export default function DashboardPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your sites</h1>
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <p className="text-sm text-slate-600">No sites yet. Adding a site and its script tag is coming next.</p>
      </div>
    </div>
  );
}
