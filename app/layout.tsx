import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "HRMS", template: "%s · HRMS" },
  description: "HR management that keeps working when its database does not.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
