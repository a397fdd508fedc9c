import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";

export default function ShopLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">{children}</main>
      <footer className="border-t border-neutral-200 py-8 text-center text-xs text-neutral-500">
        Prices exclude tax; tax for your shipping country is added at checkout.
      </footer>
    </>
  );
}
