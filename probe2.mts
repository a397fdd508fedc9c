import { stack } from "./integration/support/stack";
const id = process.argv[2];
for (const fields of [
  "id,*payment_collections,*payment_collections.payments,*payment_collections.payment_sessions",
  "id,payment_collections.payments.id,payment_collections.payments.amount,payment_collections.payments.captured_at,payment_collections.payments.canceled_at,payment_collections.payments.captures,payment_collections.payments.refunds",
]) {
  const r = await fetch(`${stack.backendUrl}/store/orders/${id}?fields=${encodeURIComponent(fields)}`, { headers: { "x-publishable-api-key": stack.publishableKey } });
  const j = await r.json();
  console.log("==", fields, r.status, JSON.stringify(j, (k, v) => (k === "data" || k.startsWith("raw_") ? undefined : v), 1).slice(0, 4000));
}
