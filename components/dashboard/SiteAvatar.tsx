// A letter badge for a site. No favicons: fetching them would contact the site or a third party.
export function SiteAvatar({ domain, size = "md" }: { domain: string; size?: "sm" | "md" }) {
  const letter = (domain.replace(/^www\./, "")[0] ?? "?").toUpperCase();
  const hue = [...domain].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  const dimensions = size === "sm" ? "size-6 text-xs" : "size-8 text-sm";
  return (
    <span aria-hidden className={`inline-flex shrink-0 items-center justify-center rounded-lg font-bold text-white ${dimensions}`} style={{ backgroundColor: `hsl(${hue} 55% 48%)` }}>
      {letter}
    </span>
  );
}
