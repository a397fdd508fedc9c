import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { failure } from "./action-result";
import {
  clearCartId,
  clearCustomerTokenCookie,
  readCartId,
  readCustomerTokenCookie,
  writeCustomerTokenCookie,
} from "./cookies";
import { readCustomerToken, tokenCookieMaxAge } from "./customer-token";
import { describeBackendError, httpStatusOf, nullWhenNotFound } from "./errors";
import { type FormState, formValues } from "./form";
import { customerHeaders, medusa } from "./medusa";
import { cartCustomerId, transferableAtSignIn } from "./ownership";
import { ACCOUNT_PATH, safeNextPath } from "./paths";
import { AttemptLimiter, type Limit, describeWait } from "./rate-limit";
import { parseForm, signInSchema, signUpSchema } from "./validation";

/**
 * Shopper accounts through Medusa's customer authentication (email and password): sign up, sign in, sign out, and
 * what a signed-in customer sees. The Medusa token lives only in an HttpOnly cookie (lib/cookies.ts) and is handed to
 * the shared js-sdk client per request, as a header: the client itself stores no token ("nostore"), so one
 * customer's token can never ride along on another shopper's request.
 */

export const ACCOUNT_MESSAGES = {
  /** The same words for a wrong password and an unknown email: the form must not tell which accounts exist. */
  wrongCredentials: "That email and password do not match an account. Please check them and try again.",
  tooManyAttempts: (wait: string) => `Too many sign-in attempts. Please wait ${wait} and try again.`,
  signUpRefused: "We could not create an account with that email. If you already have an account, sign in instead.",
  notSignedIn: "Please sign in to see your account.",
} as const;

export type Customer = HttpTypes.StoreCustomer;
export type CustomerOrder = HttpTypes.StoreOrder;

const CUSTOMER_FIELDS = "id,email,first_name,last_name";
const ORDER_LIST_FIELDS = "id,display_id,created_at,status,total,currency_code,fulfillment_status,payment_status,items.quantity";
export const ORDER_HISTORY_LIMIT = 50;

/**
 * Whether the browser holds a customer token (it may have expired; `getCustomer` asks Medusa). Read from the cookie
 * alone: a guest's pages make no request to Medusa for accounts.
 */
export async function hasCustomerSession(): Promise<boolean> {
  return (await readCustomerTokenCookie()) !== null;
}

/** The signed-in customer, or null for a guest or a token Medusa no longer accepts. Read at most once per request. */
export const getCustomer = cache(async (): Promise<Customer | null> => {
  const auth = customerHeaders(await readCustomerTokenCookie());
  if (!auth) return null;
  try {
    const { customer } = await medusa().store.customer.retrieve({ fields: CUSTOMER_FIELDS }, auth);
    return customer;
  } catch (error) {
    // An expired or revoked token: signed out (the cookie is replaced at the next sign-in or cleared at sign-out).
    if (httpStatusOf(error) === 401) return null;
    throw error;
  }
});

/** The customer's orders, newest first (Medusa's store orders for the token's customer). */
export async function getCustomerOrders(): Promise<CustomerOrder[]> {
  const auth = customerHeaders(await readCustomerTokenCookie());
  if (!auth) return [];
  const { orders } = await medusa().store.order.list(
    { fields: ORDER_LIST_FIELDS, limit: ORDER_HISTORY_LIMIT, order: "-created_at" },
    auth,
  );
  return orders;
}

/*
 * Sign-in attempts are limited per email (guessing one account's password) and per client (trying many accounts from
 * one place); sign-ups per client. Counted in this server instance's memory only (see lib/rate-limit.ts): each
 * instance keeps its own counts, and a restart forgets them.
 */
const limiter = new AttemptLimiter();
const FIFTEEN_MINUTES = 15 * 60_000;
const emailLimit = (email: string): Limit => ({ key: `sign-in-email:${email}`, max: 5, windowMs: FIFTEEN_MINUTES });
const clientSignInLimit = (client: string): Limit => ({ key: `sign-in-client:${client}`, max: 20, windowMs: FIFTEEN_MINUTES });
const clientSignUpLimit = (client: string): Limit => ({ key: `sign-up-client:${client}`, max: 10, windowMs: 60 * 60_000 });

/**
 * Who is asking: the first address in X-Forwarded-For. On Vercel (or behind any proxy that sets it) that is the
 * client as the proxy saw it; `next start` on its own fills it from the socket only when the request has none, so
 * there a client can name itself anything and only the per-email limit holds.
 */
export async function clientKey(): Promise<string> {
  const requestHeaders = await headers();
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || requestHeaders.get("x-real-ip")?.trim() || "unknown";
}

/** A token for this email and password, or null when Medusa refuses them (whatever the reason, one answer). */
async function logIn(email: string, password: string): Promise<string | null> {
  try {
    const result = await medusa().auth.login("customer", "emailpass", { email, password });
    // A redirect (third-party login), a second factor or a verification step: not offered by this shop.
    return typeof result === "string" ? result : null;
  } catch (error) {
    if (httpStatusOf(error) === 401) return null;
    throw error;
  }
}

/**
 * The browser's open cart becomes the customer's (Medusa's cart transfer: the same cart, its items kept, its email
 * the customer's), so nothing is lost or doubled by signing in. A completed cart (an order whose confirmation is
 * still to be shown) is left as it is. A cart that is someone else's (lib/ownership.ts) is not taken: the cookie
 * stops naming it, and the customer starts a new one.
 */
async function transferOpenCart(token: string, accountEmail: string): Promise<void> {
  const cartId = await readCartId();
  if (!cartId) return;
  // `customer.id`, not `customer_id`: Medusa 2.21.2 silently leaves out `customer_id` from a cart's store fields.
  const found = await nullWhenNotFound(medusa().store.cart.retrieve(cartId, { fields: "id,email,completed_at,customer.id" }));
  if (!found || found.cart.completed_at) return;
  if (!transferableAtSignIn({ customer_id: cartCustomerId(found.cart), email: found.cart.email }, accountEmail)) {
    await clearCartId();
    return;
  }
  await medusa().store.cart.transferCart(found.cart.id, { fields: "id" }, customerHeaders(token));
}

/** Signs the browser in with a customer's token: their cart first, then the cookie (a failed transfer signs nobody in). */
async function startSession(token: string, accountEmail: string): Promise<void> {
  const claims = readCustomerToken(token);
  if (!claims?.actorId) throw new Error("Medusa issued a customer token without a customer");
  await transferOpenCart(token, accountEmail);
  await writeCustomerTokenCookie(token, tokenCookieMaxAge(claims, Date.now()));
}

/** Server action: sign in with email and password, then go back where the shopper came from (or to the account). */
export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  // The password is never sent back to the page.
  const { password: _password, ...values } = formValues(formData);
  const input = parseForm(signInSchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors, values };
  const { email, password, next } = input.data;

  const attempt = limiter.attempt([emailLimit(email), clientSignInLimit(await clientKey())]);
  if (!attempt.allowed) return { ...failure(ACCOUNT_MESSAGES.tooManyAttempts(describeWait(attempt.retryAfterMs))), values };

  try {
    const token = await logIn(email, password);
    // No customer behind the identity (e.g. an admin's email, or a sign-up cut short): the same answer as a wrong
    // password, so the form says nothing about which emails Medusa knows.
    if (!token || !readCustomerToken(token)?.actorId) return { ...failure(ACCOUNT_MESSAGES.wrongCredentials), values };
    await startSession(token, email);
    limiter.forget(emailLimit(email).key);
  } catch (error) {
    console.error("signIn failed", error);
    return { ...failure(describeBackendError(error)), values };
  }
  redirect(safeNextPath(next) ?? ACCOUNT_PATH);
}

/**
 * A token for a new customer account (Medusa: a registration token for the email and password, the customer created
 * with it, then a sign-in), or null when the email is taken by someone who does not know this password.
 */
async function createAccount(input: { email: string; password: string; first_name: string; last_name: string }): Promise<string | null> {
  const { email, password, first_name, last_name } = input;
  let registrationToken: string;
  try {
    registrationToken = await medusa().auth.register("customer", "emailpass", { email, password });
  } catch (error) {
    if (httpStatusOf(error) !== 401) throw error;
    // The email already has an identity (an admin's, or a customer's). As Medusa's guide has it, whoever knows its
    // password may still become a customer, or simply is one already and is signed in.
    const existing = await logIn(email, password);
    if (!existing) return null;
    if (readCustomerToken(existing)?.actorId) return existing;
    registrationToken = existing;
  }
  await medusa().store.customer.create({ email, first_name, last_name }, { fields: "id" }, customerHeaders(registrationToken));
  // The registration token names no customer yet; a fresh sign-in gives one that does.
  const token = await logIn(email, password);
  if (!token) throw new Error("Signing in right after creating the account failed");
  return token;
}

/** Server action: create a customer account and sign in with it, keeping the open cart. */
export async function signUp(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const { password: _password, ...values } = formValues(formData);
  const input = parseForm(signUpSchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors, values };

  const attempt = limiter.attempt([clientSignUpLimit(await clientKey())]);
  if (!attempt.allowed) return { ...failure(ACCOUNT_MESSAGES.tooManyAttempts(describeWait(attempt.retryAfterMs))), values };

  try {
    const token = await createAccount(input.data);
    if (!token) return { ...failure(ACCOUNT_MESSAGES.signUpRefused), values };
    await startSession(token, input.data.email);
  } catch (error) {
    console.error("signUp failed", error);
    return { ...failure(describeBackendError(error)), values };
  }
  redirect(safeNextPath(input.data.next) ?? ACCOUNT_PATH);
}

/**
 * Server action: sign out. The cart goes too: it is the customer's now, and the next person at this browser must not
 * see their address or add to their orders.
 */
export async function signOut(): Promise<void> {
  "use server";
  await clearCustomerTokenCookie();
  await clearCartId();
  redirect("/");
}
