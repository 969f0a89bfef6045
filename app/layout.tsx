import type { Metadata } from "next";
import type { ReactNode } from "react";
import { inter } from "./fonts/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MiniStat — privacy-first web analytics", template: "%s · MiniStat" },
  description: "Simple, cookie-less web analytics hosted in the EU. No personal data of your visitors, ever.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen bg-white font-sans text-slate-900">{children}</body>
    </html>
  );
}
