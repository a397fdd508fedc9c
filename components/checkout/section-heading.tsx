"use client";

import type { ReactNode } from "react";
import { useFocusWhenShown } from "./focus-target";

/** A checkout section's heading, which takes the focus when the shopper has just finished the section before. */
export function SectionHeading({ id, className, children }: { id: string; className: string; children: ReactNode }) {
  useFocusWhenShown(id);
  return (
    <h2 id={id} tabIndex={-1} className={`${className} outline-none focus-visible:ring-2 focus-visible:ring-neutral-900`}>
      {children}
    </h2>
  );
}
