// A shared link of a locked account: nothing about the account, its plan or its site.
export function DashboardUnavailable() {
  return (
    <div className="mx-auto max-w-lg rounded-xl bg-white p-10 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">This dashboard is unavailable</h1>
      <p className="mt-2 text-sm text-slate-600">Please try again later, or ask the person who shared it.</p>
    </div>
  );
}
