import type { NextConfig } from "next";

// Security headers for every response but the tracker. Pages get their Content-Security-Policy
// from proxy.ts (a nonce per response, lib/http/csp.ts); what proxy.ts does not see (API
// routes, the icon) gets a policy that lets nothing run or frame it.
//
// These headers are fixed when the app is built, not when it starts: anything that depends on
// the environment (HSTS in production, the CSP's nonce) is set at run time instead
// (lib/server/http-server.ts, proxy.ts).
const nonPagePolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // CI runs `npm run typecheck` (next typegen + tsc: the same files, route types included);
  // the build's own pass would repeat it and takes 40–70 s of every build here (tests/README.md).
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["pg", "pg-boss", "node-mailjet", "maxmind", "ua-parser-js", "chdb", "@clickhouse/client"],
  experimental: { serverActions: { bodySizeLimit: "100kb" } },
  async headers() {
    return [
      { source: "/js/:file*", headers: [{ key: "Access-Control-Allow-Origin", value: "*" }, { key: "Cache-Control", value: "public, max-age=3600" }] },
      { source: "/((?!js/).*)", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: nonPagePolicy }] },
      { source: "/icon.svg", headers: [{ key: "Content-Security-Policy", value: nonPagePolicy }] },
    ];
  },
};

export default nextConfig;
