// @ts-check
/*
 * The Express Checkout Element's buttons, inside their own frame on the js origin. The double offers one
 * wallet, Google Pay, so this is one button; clicking it asks the page's Stripe.js to run the click event and
 * open the wallet sheet. The frame never sees payment data.
 */
(function () {
  "use strict";

  /** @typedef {Record<string, unknown>} Json */

  const hash = new URLSearchParams(location.hash.slice(1));
  const elementId = hash.get("id") || "";
  const parentOrigin = originOrNull(hash.get("origin"));
  /** @type {Json} */
  let options = parseJson(hash.get("options"));
  let sheetOpen = false;

  /** @param {string | null} value */
  function originOrNull(value) {
    if (!value) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
    } catch (_) {
      return null;
    }
  }

  /** @param {string | null} text */
  function parseJson(text) {
    try {
      const value = text ? JSON.parse(text) : {};
      return value && typeof value === "object" ? value : {};
    } catch (_) {
      return {};
    }
  }

  /** @param {Json} message */
  function post(message) {
    if (!parentOrigin || window.parent === window) return;
    window.parent.postMessage(Object.assign({ source: "stripe-double", elementId: elementId }, message), parentOrigin);
  }

  // Google's button wording for each buttonType.
  /** @type {Record<string, string>} */
  const LABELS = {
    book: "Book with Google Pay",
    buy: "Buy with Google Pay",
    checkout: "Checkout with Google Pay",
    donate: "Donate with Google Pay",
    order: "Order with Google Pay",
    pay: "Pay with Google Pay",
    plain: "Google Pay",
    subscribe: "Subscribe with Google Pay",
  };

  const container = /** @type {HTMLElement} */ (document.getElementById("buttons"));
  /** @type {HTMLButtonElement | null} */
  let button = null;

  function render() {
    container.textContent = "";
    button = null;
    if (options.available === false) {
      reportHeight();
      return;
    }
    const type = typeof options.buttonType === "string" && LABELS[options.buttonType] ? options.buttonType : "buy";
    const label = LABELS[type] || LABELS.buy;
    button = document.createElement("button");
    button.type = "button";
    button.className = "gpay " + (options.buttonTheme === "white" ? "white" : "black");
    button.setAttribute("aria-label", label);
    button.style.height = (typeof options.buttonHeight === "number" ? options.buttonHeight : 44) + "px";
    const words = label.replace(/Google Pay$/, "").trim();
    if (words) button.appendChild(document.createTextNode(words + " "));
    const logo = document.createElement("span");
    logo.className = "logo";
    logo.textContent = "G Pay";
    logo.setAttribute("aria-hidden", "true");
    button.appendChild(logo);
    button.addEventListener("click", () => {
      if (sheetOpen) return;
      post({ type: "click" });
    });
    button.addEventListener("focus", () => post({ type: "focus" }));
    button.addEventListener("blur", () => post({ type: "blur" }));
    container.appendChild(button);
    syncBusy();
    reportHeight();
  }

  function syncBusy() {
    if (button) button.setAttribute("aria-disabled", sheetOpen ? "true" : "false");
  }

  let lastHeight = 0;
  function reportHeight() {
    const height = container.getBoundingClientRect().height;
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: "height", height: height });
    }
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") post({ type: "escape" });
  });

  window.addEventListener("message", (event) => {
    if (!parentOrigin || event.source !== window.parent || event.origin !== parentOrigin) return;
    const data = /** @type {Json} */ (event.data);
    if (!data || data.source !== "stripe-double" || data.elementId !== elementId) return;
    switch (data.type) {
      case "update":
        options = /** @type {Json} */ (data.options) || {};
        render();
        break;
      case "sheet":
        sheetOpen = data.open === true;
        syncBusy();
        break;
      case "focus":
        if (button) button.focus();
        break;
      case "blur":
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        break;
    }
  });

  render();
  post({ type: "ready" });
})();
