import { escapeHtml } from "@/lib/http/escape-html";

// The code a site owner pastes into their pages. Kept in one place so the setup page, the
// docs and the tests show exactly the same tags.

export type Snippets = {
  /** Pageviews, SPA navigation and custom events. */
  basic: string;
  /** Adds outbound-link and file-download tracking. */
  extended: string;
  /** Defines window.ministat before the script loads, so early calls are queued. */
  queueStub: string;
  /** An example custom event call. */
  customEvent: string;
};

export function buildSnippets(appUrl: string, domain: string): Snippets {
  const base = appUrl.replace(/\/+$/, "");
  const attribute = escapeHtml(domain);
  return {
    basic: `<script defer data-domain="${attribute}" src="${base}/js/script.js"></script>`,
    extended: `<script defer data-domain="${attribute}" src="${base}/js/script.extended.js"></script>`,
    queueStub: "<script>window.ministat=window.ministat||function(){(window.ministat.q=window.ministat.q||[]).push(arguments)}</script>",
    customEvent: "window.ministat('Signup', {props: {plan: 'pro'}})",
  };
}
