/**
 * MiniStat tracking script — the source of public/js/script.js and
 * public/js/script.extended.js (built by scripts/build-tracker.ts; never edit the output).
 *
 *   <script defer data-domain="example.com" src="https://ministat.example/js/script.js"></script>
 *
 * Attributes on the script tag:
 *   data-domain       the site as registered in MiniStat (required)
 *   data-api          endpoint override; default: <origin of src>/api/event
 *   data-hash         count hash changes as pageviews (for hash-routed SPAs)
 *   data-allow-local  FOR TESTING ONLY: also track on localhost/127.x/[::1]/file: and when
 *                     navigator.webdriver is true, so our own Playwright e2e tests can see
 *                     events. The localStorage opt-out still applies. Never use it on a site.
 *
 * Privacy: no cookies, no storage writes, no identifiers. The only thing read from storage
 * is the visitor's own opt-out flag (localStorage.ministat_ignore = "true").
 *
 * Size matters more than style here (budget: < 700 B gzipped, < 1200 B for the extended
 * build; see tracker/size.test.ts). So: no polyfills, no classes, globals used directly,
 * and every `data-*` attribute read through one helper so the minifier can share it.
 */
export {};

// Replaced at build time: true only for script.extended.js, so the default build carries
// none of the link-tracking code (both esbuild and terser drop `if (false)` blocks).
declare const MINISTAT_EXTENDED: boolean;

type Options = { props?: Record<string, unknown>; callback?: () => void };
type Ministat = ((name: string, options?: Options) => void) & { q?: ArrayLike<unknown>[] };
type Win = Window & { ministat?: Ministat; _phantom?: unknown; __nightmare?: unknown; Cypress?: unknown };

const win = window as Win;
const doc = document;
const loc = location;
const nav = navigator;

// `defer` (classic) scripts still get document.currentScript while they run. Nothing the
// page does later can change which tag we were loaded from, so read the attributes once.
const script = doc.currentScript as HTMLScriptElement;
const attr = (name: string) => script.getAttribute("data-" + name);
const endpoint = attr("api") || new URL(script.src).origin + "/api/event";
const domain = attr("domain");
// getAttribute returns "" for a bare attribute, null when absent.
const allowLocal = attr("allow-local") != null;
const hashMode = attr("hash") != null;

function send(name: string, options?: Options | null) {
  // `|| {}` rather than a default parameter: a default does not replace an explicit null.
  const { props, callback } = options || {};
  // Checked on every event, not once: a visitor may opt out while a SPA stays open.
  // The visitor's own opt-out comes first. Reading storage can throw (sandboxed iframes,
  // some privacy settings); then there is no opt-out to honour.
  let ignore: unknown;
  try {
    ignore = localStorage.ministat_ignore == "true";
  } catch {
    // no storage, no opt-out
  }
  if (
    !(
      ignore ||
      // Local development and automated browsers would only pollute the stats…
      (!allowLocal &&
        (/^(localhost|127(\.\d+){3}|\[::1\])$/.test(loc.hostname) ||
          loc.protocol == "file:" ||
          nav.webdriver)) ||
      // …and these test runners don't set navigator.webdriver, so look for their globals.
      win._phantom ||
      win.__nightmare ||
      win.Cypress
    )
  ) {
    // JSON.stringify drops `p` when there are no props. A string body is sent as
    // text/plain — a "simple" request, so cross-origin posts need no CORS preflight.
    const body = JSON.stringify({
      n: name,
      u: loc.href,
      d: domain,
      r: doc.referrer || null,
      w: innerWidth,
      p: props,
    });
    // sendBeacon survives page unload (outbound clicks!). It returns false when the browser
    // refuses to queue the beacon; fetch with keepalive is the same guarantee, one API older.
    if (!(nav.sendBeacon && nav.sendBeacon(endpoint, body))) void fetch(endpoint, { method: "POST", body, keepalive: true });
  }
  // Called even when ignored: sites often navigate from the callback and must not get stuck.
  if (callback) callback();
}

let lastPage: string;
function pageview() {
  // pushState with an unchanged path, popstate back to the same page, hash-only changes
  // (without data-hash): none of these is a new page.
  const page = loc.pathname + loc.search + (hashMode ? loc.hash : "");
  if (page != lastPage) {
    lastPage = page;
    send("pageview");
  }
}

// A page prerendered by the browser (speculation rules) may never be shown: count it only
// when it is activated.
if ((doc as Document & { prerendering?: boolean }).prerendering)
  doc.addEventListener("prerenderingchange", pageview);
else pageview();

// SPA navigation. pushState fires no event, so wrap it; back/forward fires popstate.
// replaceState is left alone: routers use it to tidy the current URL, not to navigate.
const pushState = history.pushState;
history.pushState = function (this: History, ...args: Parameters<History["pushState"]>) {
  pushState.apply(this, args);
  pageview();
};
addEventListener("popstate", pageview);
if (hashMode) addEventListener("hashchange", pageview);

// Calls made before we loaded were queued by the snippet
//   window.ministat = window.ministat || function () { (window.ministat.q = window.ministat.q || []).push(arguments) }
// Replay them after the first pageview so a visit starts with its entry page.
const queue = (win.ministat && win.ministat.q) || [];
win.ministat = send;
queue.forEach((args) => send.apply(0, args as Parameters<typeof send>));

if (MINISTAT_EXTENDED) {
  const onClick = (event: MouseEvent) => {
    // auxclick also fires for the right button (context menu); only the middle one opens links.
    if (event.type == "auxclick" && event.button != 1) return;
    // closest() also catches clicks on an <img> or <span> inside the link. The target can
    // be a non-element (document, window) for synthetic events.
    const target = event.target as Element;
    const link = target.closest && (target.closest("a[href]") as HTMLAnchorElement | null);
    // No host: mailto:, tel:, javascript: and SVG <a> — not visits elsewhere.
    if (!link || !link.host) return;
    const options = { props: { url: link.href } };
    // A file is reported as a download wherever it is hosted (downloads often live on a CDN).
    if (
      /\.(pdf|xlsx|docx|txt|rtf|csv|exe|key|pps|pptx?|7z|pkg|rar|gz|zip|avi|mov|mp4|mpeg|wmv|midi|mp3|wav|wma|dmg)$/i.test(
        link.pathname,
      )
    )
      send("File Download", options);
    else if (link.host != loc.host) send("Outbound Link: Click", options);
    // Nothing is prevented or delayed: the beacon outlives the page, so navigation proceeds.
  };
  // Capture phase on window, the very first listener to run: a site handler calling
  // stopPropagation() must not hide the click from us.
  addEventListener("click", onClick, true);
  addEventListener("auxclick", onClick, true);
}
