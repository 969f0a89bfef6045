import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { inter } from "./fonts/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MiniStat — privacy-first web analytics", template: "%s · MiniStat" },
  description: "Simple, cookie-less web analytics hosted in the EU. No personal data of your visitors, ever.",
};

// Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts).
// A page prerendered at build time would have scripts without it, which the browser blocks.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen bg-white font-sans text-slate-900">{children}</body>
    </html>
  );
}
