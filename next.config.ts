import type { NextConfig } from "next";

// Security headers for every page. reCAPTCHA (registration only) is the one third-party
// script we allow; nothing else loads from another origin.
const isProduction = process.env.MINISTAT_ENV === "production";
const recaptcha = "https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/";

const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' ${recaptcha}${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${recaptcha}`,
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // CI runs `npm run typecheck` (next typegen + tsc: the same files, route types included);
  // the build's own pass would repeat it and takes 40–70 s of every build here (tests/README.md).
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pg", "pg-boss", "node-mailjet", "maxmind", "ua-parser-js"],
  experimental: { serverActions: { bodySizeLimit: "100kb" } },
  async headers() {
    return [
      { source: "/js/:file*", headers: [{ key: "Access-Control-Allow-Origin", value: "*" }, { key: "Cache-Control", value: "public, max-age=3600" }] },
      { source: "/((?!js/).*)", headers: securityHeaders },
    ];
  },
};

export default nextConfig;
