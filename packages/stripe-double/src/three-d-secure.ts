/**
 * The 3-D Secure challenge page, standing in for the bank page Stripe shows in test mode
 * ("Complete authentication" / "Fail authentication").
 */
import { formatAmount } from "./payment-intents";
import type { PaymentIntent, PaymentIntentStatus } from "./store";

export type ChallengeResult =
  | { kind: "done"; paymentIntentId: string; status: PaymentIntentStatus; approved: boolean }
  | { kind: "error"; message: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 24px; color: #30313d; background: #fff; }
  main { max-width: 420px; margin: 0 auto; }
  h1 { font-size: 20px; margin: 0 0 8px; }
  .note { background: #fff8e1; border: 1px solid #f5d77a; border-radius: 6px; padding: 8px 12px; font-size: 13px; margin: 16px 0; }
  .amount { font-size: 15px; margin: 8px 0 24px; }
  form { display: inline-block; margin: 0 8px 8px 0; }
  button { font: inherit; padding: 10px 16px; border-radius: 6px; border: 1px solid #0570de; cursor: pointer; }
  button.complete { background: #0570de; color: #fff; }
  button.fail { background: #fff; color: #df1b41; border-color: #df1b41; }
`;

export function renderChallengePage(paymentIntent: PaymentIntent, returnUrl: string | null): string {
  const hidden = (name: string, value: string): string =>
    `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const form = (result: "approve" | "fail", label: string, className: string): string =>
    `<form method="post" action="${escapeHtml(paymentIntent.id)}">` +
    hidden("client_secret", paymentIntent.client_secret) +
    hidden("result", result) +
    (returnUrl ? hidden("return_url", returnUrl) : "") +
    `<button type="submit" class="${className}">${label}</button></form>`;
  const amount = `${formatAmount(paymentIntent.amount, paymentIntent.currency)} ${paymentIntent.currency.toUpperCase()}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>3D Secure 2 Test Page</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>3D Secure 2 Test Page</h1>
<p class="note" role="note">This is a simulated test-mode page from the Stripe double: no bank is contacted and no real card is charged.</p>
<p class="amount">Authenticate a payment of <strong>${escapeHtml(amount)}</strong>.</p>
${form("approve", "Complete authentication", "complete")}
${form("fail", "Fail authentication", "fail")}
</main>
</body>
</html>
`;
}

export function renderChallengeResult(result: ChallengeResult): string {
  const message =
    result.kind === "error"
      ? result.message
      : result.approved
        ? "Authentication complete. You can close this window."
        : "Authentication failed. You can close this window.";
  // Inside Stripe.js's challenge frame the parent waits for this message; a popup reports to its opener.
  const script =
    result.kind === "done"
      ? `<script>
(function () {
  var message = { type: "stripe-double:3ds-complete", paymentIntent: ${JSON.stringify(result.paymentIntentId)} };
  if (window.parent && window.parent !== window) window.parent.postMessage(message, "*");
  else if (window.opener) window.opener.postMessage(message, "*");
})();
</script>`
      : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>3D Secure 2 Test Page</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>3D Secure 2 Test Page</h1>
<p class="note" role="note">This is a simulated test-mode page from the Stripe double.</p>
<p role="status">${escapeHtml(message)}</p>
</main>
${script}
</body>
</html>
`;
}
