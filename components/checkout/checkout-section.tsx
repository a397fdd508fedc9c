import type { ReactNode } from "react";
import { SectionHeading } from "./section-heading";

export type SectionState = "open" | "done" | "locked";

interface CheckoutSectionProps {
  number: number;
  title: string;
  /** The heading's id: other parts of the page move the focus to it. */
  headingId: string;
  /** "open": waiting for the shopper; "done": chosen (and still changeable); "locked": needs an earlier section. */
  state: SectionState;
  /** Shown instead of the content while locked: what the section waits for. */
  lockedHint?: string;
  children?: ReactNode;
}

/** One section of the one-page checkout: a numbered heading, then its content. */
export function CheckoutSection({ number, title, headingId, state, lockedHint, children }: CheckoutSectionProps) {
  const locked = state === "locked";
  return (
    <section
      aria-labelledby={headingId}
      aria-current={state === "open" ? "step" : undefined}
      className={`card min-w-0 p-5 sm:p-6 ${locked ? "bg-neutral-50" : ""}`}
    >
      <SectionHeading id={headingId} className={`flex items-center gap-3 font-semibold ${locked ? "text-neutral-500" : ""}`}>
        <span
          aria-hidden="true"
          className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm ${
            state === "done" ? "bg-neutral-900 text-white" : state === "open" ? "border-2 border-neutral-900" : "border border-neutral-300"
          }`}
        >
          {state === "done" ? "✓" : number}
        </span>
        {title}
      </SectionHeading>
      {locked ? <p className="mt-3 text-sm text-neutral-500">{lockedHint}</p> : <div className="mt-5">{children}</div>}
    </section>
  );
}

/** The ids of the sections' headings, for moving the focus between them. */
export const SECTION_HEADING_IDS = {
  address: "checkout-address-heading",
  delivery: "checkout-delivery-heading",
  payment: "checkout-payment-heading",
} as const;
