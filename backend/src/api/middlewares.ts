import { authenticate, defineMiddlewares } from "@medusajs/framework/http";

export default defineMiddlewares({
  routes: [
    {
      // Signed-in customers only (a bearer token or a session), whatever Medusa's own /store/customers/me* rule becomes.
      matcher: "/store/customers/me/stripe-customer-session",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
  ],
});
