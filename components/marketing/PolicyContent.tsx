import { POLICY_CONTACT, POLICY_SECTIONS, type PolicySpan } from "@/lib/legal/policy";
import { MailtoLink } from "./MailtoLink";
import { legalH2, legalP, slugify } from "./LegalPage";
import { textLink } from "./styles";

function Span({ span }: { span: PolicySpan }) {
  if (typeof span === "string") return span;
  return (
    <a href={span.href} rel="noreferrer" className={textLink}>
      {span.text}
    </a>
  );
}

/** The privacy policy exactly as written in lib/legal/policy.ts. */
export function PolicyContent({ contactEmail }: { contactEmail: string }) {
  const last = POLICY_SECTIONS.length - 1;
  return (
    <div className="space-y-14">
      {POLICY_SECTIONS.map((section, i) => (
        <section key={section.heading} aria-labelledby={slugify(section.heading)}>
          <h2 id={slugify(section.heading)} className={legalH2}>
            {section.heading}
          </h2>
          {section.paragraphs.map((p) => (
            <p key={p} className={legalP}>
              {p}
            </p>
          ))}
          {section.items && (
            <ul className="mt-6 space-y-4">
              {section.items.map((item) => (
                <li key={item.lead} className="rounded-xl border border-slate-200 bg-white p-5 leading-7 text-slate-700">
                  <strong className="block font-semibold text-slate-900">{item.lead}</strong>{" "}
                  {item.body.map((span, j) => (
                    <Span key={j} span={span} />
                  ))}
                </li>
              ))}
            </ul>
          )}
          {i === last && (
            <p id="contact" className={`${legalP} scroll-mt-24`}>
              {POLICY_CONTACT.before}
              <MailtoLink email={contactEmail} className={textLink} />
              {POLICY_CONTACT.after}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
