// Monthly / yearly switch without JavaScript: two radio buttons, and prices that show
// or hide with `group-has-[#billing-yearly:checked]/billing` (see PriceTag). Wrap the
// toggle and the prices in an element with the class `group/billing`.

const options = [
  { id: "billing-monthly", label: "Monthly", defaultChecked: true, note: null },
  { id: "billing-yearly", label: "Yearly", defaultChecked: false, note: "2 months free" },
] as const;

export function BillingToggle() {
  return (
    <fieldset className="flex justify-center">
      <legend className="sr-only">Billing period</legend>
      <div className="inline-flex rounded-full bg-slate-100 p-1 ring-1 ring-slate-200">
        {options.map((o) => (
          <label
            key={o.id}
            htmlFor={o.id}
            className="flex cursor-pointer items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold text-slate-600 transition-colors has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500"
          >
            <input id={o.id} type="radio" name="billing-period" value={o.label.toLowerCase()} defaultChecked={o.defaultChecked} className="sr-only" />
            {o.label}
            {o.note && <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-700">{o.note}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PriceTag({ monthly, yearly }: { monthly: string; yearly: string }) {
  return (
    <>
      <span className="group-has-[#billing-yearly:checked]/billing:hidden">
        <span className="text-2xl font-bold text-slate-900">{monthly}</span>
        <span className="text-sm text-slate-500"> / month</span>
      </span>
      <span className="hidden group-has-[#billing-yearly:checked]/billing:inline">
        <span className="text-2xl font-bold text-slate-900">{yearly}</span>
        <span className="text-sm text-slate-500"> / year</span>
      </span>
    </>
  );
}
