import "server-only";
import { redirect } from "next/navigation";
import { clientKey } from "./account";
import { failure } from "./action-result";
import { describeBackendError, httpStatusOf } from "./errors";
import { type FormState, formValues } from "./form";
import { medusa } from "./medusa";
import { PASSWORD_CHANGED_PATH } from "./paths";
import { AttemptLimiter, describeWait } from "./rate-limit";
import { newPasswordAfterResetSchema, parseForm, passwordResetRequestSchema } from "./validation";

/**
 * Resetting a forgotten password through Medusa's flow: the shopper gives an e-mail, Medusa makes a single-use token
 * valid for 15 minutes and emits `auth.password_reset`, the backend e-mails the link (backend/src/subscribers), and the
 * link's page sets the new password with that token. Nothing here says whether an account exists.
 */

export const PASSWORD_RESET_MESSAGES = {
  /** The same words whether or not the e-mail has an account. */
  requested: (email: string) =>
    `If an account uses ${email}, we have sent it an e-mail with a link to choose a new password. The link works once, for 15 minutes.`,
  tooMany: (wait: string) => `Too many requests. Please wait ${wait} and try again.`,
  /** Medusa refuses a token that expired, was used already, or was never issued: one sentence for all three. */
  linkInvalid: "This reset link has expired or has already been used. Please ask for a new one.",
  changed: "Your password has been changed. Sign in with your new password.",
} as const;

/*
 * Each request sends an e-mail: limited per e-mail (no flooding someone's inbox) and per client. In this server
 * instance's memory, as sign-in attempts are (lib/rate-limit.ts).
 */
const limiter = new AttemptLimiter();
const HOUR = 60 * 60_000;
const FIFTEEN_MINUTES = 15 * 60_000;

/** Server action: e-mails a reset link to the account that uses this address, if there is one. */
export async function requestPasswordReset(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const values = formValues(formData);
  const input = parseForm(passwordResetRequestSchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors, values };
  const { email } = input.data;

  const attempt = limiter.attempt([
    { key: `reset-email:${email}`, max: 3, windowMs: HOUR },
    { key: `reset-client:${await clientKey()}`, max: 20, windowMs: FIFTEEN_MINUTES },
  ]);
  if (!attempt.allowed) return { ...failure(PASSWORD_RESET_MESSAGES.tooMany(describeWait(attempt.retryAfterMs))), values };

  try {
    // Medusa answers the same for an e-mail without an account (it only skips the e-mail).
    await medusa().auth.resetPassword("customer", "emailpass", { identifier: email });
  } catch (error) {
    console.error("requestPasswordReset failed", error);
    // A backend that does not answer or fails is said as such (that tells nothing about accounts); a refusal gets the
    // usual answer, so that no refusal can tell accounts apart.
    const status = httpStatusOf(error);
    if (status === undefined || status >= 500) return { ...failure(describeBackendError(error)), values };
  }
  return { ok: true, notice: PASSWORD_RESET_MESSAGES.requested(email) };
}

/** Server action: the reset link's page sets the new password, then sends the shopper to sign in with it. */
export async function setNewPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  // The password is never sent back to the page.
  const { password: _password, ...values } = formValues(formData);
  const input = parseForm(newPasswordAfterResetSchema, formData);
  if (!input.ok) {
    const linkBroken = input.fieldErrors?.token !== undefined;
    return { ...failure(linkBroken ? PASSWORD_RESET_MESSAGES.linkInvalid : input.error), fieldErrors: input.fieldErrors, values };
  }
  try {
    await medusa().auth.updateProvider("customer", "emailpass", { password: input.data.password }, input.data.token);
  } catch (error) {
    if (httpStatusOf(error) === 401) return { ...failure(PASSWORD_RESET_MESSAGES.linkInvalid), values };
    console.error("setNewPassword failed", error);
    return { ...failure(describeBackendError(error)), values };
  }
  redirect(PASSWORD_CHANGED_PATH);
}
