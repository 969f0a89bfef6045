// The privacy policy, word for word from seed/privacy-policy.txt (with the typo
// "a NMA paid plan" corrected to "a paid plan"). It is the product's contract:
// the /privacy page renders exactly this, and tests import it.

export const POLICY_UPDATED_AT = "2023-10-07";
export const POLICY_TITLE = "Privacy policy";

/** A run of text, optionally a link to the named provider's own policy. */
export type PolicySpan = string | { readonly text: string; readonly href: string };

export type PolicyItem = {
  /** The promise itself: the first sentence, shown in bold. */
  readonly lead: string;
  readonly body: readonly PolicySpan[];
};

export type PolicySection = {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly items?: readonly PolicyItem[];
};

export const POLICY_SECTIONS: readonly PolicySection[] = [
  {
    heading: "As a customer of MiniStat",
    paragraphs: [
      "Our guiding principle is to collect only what we need and that we will solely process this information to provide you with the service you signed up for.",
      "We use a select number of trusted external service providers for certain service offerings. These service providers are carefully selected and meet high data protection, data privacy and security standards.",
      "We only share information with them that is required for the services offered and we contractually bind them to keep any information we share with them as confidential and to process personal data only according to our instructions.",
      "Here’s what that means in practice:",
    ],
  },
  {
    heading: "What we collect and what we use it for",
    paragraphs: [],
    items: [
      {
        lead: "An e-mail address is required to create an account.",
        body: [
          "You need to provide us with your e-mail address if you want to create a user account. That’s just so you can log in and personalize your new account, and we can send you invoices, updates or other essential information.",
        ],
      },
      {
        lead: "A persistent first-party cookie is stored to remember you’re logged in.",
        body: [
          "If you log in to your user account, you give us permission to use cookies so you don’t have to log in on each returning session. This makes it easier for you to use our product. A cookie is a piece of text stored by your browser. You can adjust cookie retention settings in your own browser. Cookies that are already stored may be deleted at any time.",
        ],
      },
      {
        lead: "All of the data that we collect is kept fully secured and encrypted.",
        body: ["Our website (related services) MiniStat.eu is hosted on Hostens servers in Vilnius, Lithuania."],
      },
      {
        lead: "This ensures that all of the site data is being covered by the European Union’s strict laws on data privacy.",
        body: ["Your site data never leaves the EU."],
      },
      {
        lead: "The payment process is handled by a third-party payment provider.",
        body: [
          "If you choose to upgrade to a paid plan, the billing information and the payment process is handled by Stripe. See ",
          { text: "Stripe", href: "https://stripe.com/privacy" },
          " for full details.",
        ],
      },
      {
        lead: "All emails are sent using a third-party email provider.",
        body: [
          "Transactional emails and email reports (should you choose to subscribe to them) are sent using Mailjet.com.",
        ],
      },
      {
        lead: "When you write to us with a question or to ask for help using our support form/widget.",
        body: [
          "We keep that correspondence, which includes the e-mail address, so that we have a history of past correspondences to reference if you reach out in the future. We use this data solely in connection with answering the queries we receive.",
        ],
      },
      {
        lead: "We use CAPTCHA service as a means of spam protection on our account registration form.",
        body: ["See the ", { text: "reCaptcha Privacy Policy", href: "https://policies.google.com/privacy" }, " for full details."],
      },
    ],
  },
  {
    heading: "Retention of data",
    paragraphs: [
      "We will retain your information as long as your account is active, as necessary to provide you with the services or as otherwise set forth in this policy.",
      "We will also retain and use this information as necessary for the purposes set out in this policy and to the extent necessary to comply with our legal obligations, resolve disputes, enforce our agreements and protect user's legal rights.",
      "You can choose to delete your user account at any time. All your data will be permanently deleted immediately when you delete your account.",
    ],
  },
  {
    heading: "Changes and questions",
    paragraphs: [
      "We may update this policy as needed to comply with relevant regulations and reflect any new practices. Whenever we make a significant change to our policies, we will also announce them on our company blog or social media profiles.",
    ],
  },
];

/** The closing sentence; the address comes from configuration (CONTACT_EMAIL). */
export const POLICY_CONTACT = {
  before: "Contact us at ",
  after: " if you have any questions, comments, or concerns about this privacy policy, your data, or your rights with respect to your information.",
} as const;

export function spanText(span: PolicySpan): string {
  return typeof span === "string" ? span : span.text;
}

/** The whole policy as plain text, in reading order, as the page shows it. */
export function getPolicyText(contactEmail: string): string {
  const lines: string[] = [POLICY_TITLE, `Updated at: ${POLICY_UPDATED_AT}.`];
  for (const section of POLICY_SECTIONS) {
    lines.push(section.heading, ...section.paragraphs);
    for (const item of section.items ?? []) lines.push(`${item.lead} ${item.body.map(spanText).join("")}`);
  }
  lines.push(`${POLICY_CONTACT.before}${contactEmail}${POLICY_CONTACT.after}`);
  return lines.join("\n");
}
