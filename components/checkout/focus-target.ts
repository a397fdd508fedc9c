import { useEffect } from "react";

/**
 * Where keyboard and screen-reader focus goes once the page has re-rendered after an action: the next section's
 * heading, not `<body>`. The form that submits names the target before it submits, because it may itself be
 * replaced (by its summary) in the very render that shows the next section.
 */

let pendingTarget: string | null = null;

export function focusWhenShown(elementId: string): void {
  pendingTarget = elementId;
}

export function cancelPendingFocus(): void {
  pendingTarget = null;
}

/** For the element with `elementId` (focusable, `tabIndex={-1}` for a heading): take the focus if it is due. */
export function useFocusWhenShown(elementId: string): void {
  useEffect(() => {
    if (pendingTarget !== elementId) return;
    pendingTarget = null;
    document.getElementById(elementId)?.focus();
  });
}
