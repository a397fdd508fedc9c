import Link from "next/link";
import type { ReactNode } from "react";

interface CheckoutSectionProps {
  number: number;
  title: string;
  /** "current": open for input; "done": summarised, editable; "locked": not reachable yet. */
  state: "current" | "done" | "locked";
  editHref?: string;
  children?: ReactNode;
}

/** One checkout step: a numbered heading, then its form (current) or its summary (done). */
export function CheckoutSection({ number, title, state, editHref, children }: CheckoutSectionProps) {
  const headingId = `checkout-step-${number}`;
  return (
    <section
      aria-labelledby={headingId}
      aria-current={state === "current" ? "step" : undefined}
      className={`card p-5 sm:p-6 ${state === "locked" ? "bg-neutral-50" : ""}`}
    >
      <div className="flex items-center justify-between gap-4">
        <h2 id={headingId} className={`flex items-center gap-3 font-semibold ${state === "locked" ? "text-neutral-400" : ""}`}>
          <span
            aria-hidden="true"
            className={`flex size-7 items-center justify-center rounded-full text-sm ${
              state === "done"
                ? "bg-neutral-900 text-white"
                : state === "current"
                  ? "border-2 border-neutral-900"
                  : "border border-neutral-300"
            }`}
          >
            {state === "done" ? "✓" : number}
          </span>
          {title}
        </h2>
        {state === "done" && editHref ? (
          <Link href={editHref} prefetch={false} className="link text-sm" aria-label={`Edit ${title.toLowerCase()}`}>
            Edit
          </Link>
        ) : null}
      </div>
      {state === "locked" || !children ? null : <div className="mt-5">{children}</div>}
    </section>
  );
}
