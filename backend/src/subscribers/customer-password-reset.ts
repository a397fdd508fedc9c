import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { Modules } from "@medusajs/framework/utils";

/** What Medusa's reset-password workflow emits: the identity's e-mail, its actor type and a single-use token. */
interface PasswordResetEvent {
  entity_id: string;
  actor_type: string;
  token: string;
}

/**
 * Sends a customer who asked to reset their password the link to the storefront's page that sets a new one, through
 * Medusa's notification module on the `email` channel (whichever provider the shop registered for it). The token is
 * Medusa's own: valid for 15 minutes, and once.
 */
export default async function customerPasswordReset({ event, container }: SubscriberArgs<PasswordResetEvent>): Promise<void> {
  const { entity_id: email, actor_type: actorType, token } = event.data;
  // Admin users reset theirs in Medusa Admin.
  if (actorType !== "customer") return;
  const storefrontUrl = (process.env.STOREFRONT_URL ?? "").replace(/\/+$/, "");
  if (!storefrontUrl) throw new Error("STOREFRONT_URL is not set: the password reset e-mail cannot link to the storefront.");
  const link = `${storefrontUrl}/account/reset-password?${new URLSearchParams({ token, email }).toString()}`;
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: email,
    channel: "email",
    template: "customer-password-reset",
    content: {
      subject: "Reset your password",
      text:
        "Someone asked to reset the password of your account. If it was you, choose a new password here (the link " +
        `works once, for 15 minutes):\n\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.`,
    },
    data: { reset_url: link },
  });
}

export const config: SubscriberConfig = { event: "auth.password_reset" };
