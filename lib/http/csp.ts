// The Content-Security-Policy of every page, with a fresh nonce per response (proxy.ts).
// Scripts run only when they carry the nonce — Next.js puts it on its own <script> tags,
// inline ones included, when it renders the page — or when such a script inserted them
// ('strict-dynamic': Next's chunks, and reCAPTCHA's loader inserted by react-google-recaptcha
// on /register). No 'unsafe-inline' and no 'unsafe-eval' for scripts: an injected <script>
// or an inline event handler does not run. `next dev` alone adds 'unsafe-eval' (React
// rebuilds server error stacks with eval there; production React does not use it).
//
// 'self' and the reCAPTCHA hosts in script-src are for browsers without CSP3, which ignore
// 'strict-dynamic'; CSP3 browsers ignore them in turn. Styles keep 'unsafe-inline': React
// renders style attributes (chart bars, widths), which a nonce cannot cover.

export const NONCE_HEADER = "x-nonce";

const RECAPTCHA_SCRIPTS = "https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/";
// Google documents both frame hosts for the reCAPTCHA widget.
const RECAPTCHA_FRAMES = "https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/";
// The billing page's forms end in a redirect to Stripe's Checkout or Customer Portal. With
// JavaScript, Next follows it as a plain navigation; without, it is the form's own redirect,
// which form-action governs.
const STRIPE_HOSTED_PAGES = "https://checkout.stripe.com https://billing.stripe.com";

/** 128 random bits, base64: unguessable and different for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(options: { nonce: string; devServer: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic' ${RECAPTCHA_SCRIPTS}${options.devServer ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${RECAPTCHA_FRAMES}`,
    "frame-ancestors 'none'",
    `form-action 'self' ${STRIPE_HOSTED_PAGES}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
