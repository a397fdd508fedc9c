import { z } from "zod";
import { type IdPrefix, looksLikeId } from "./ids";

/**
 * Every server action's input, in one place. A server action is a public HTTP endpoint: anyone can post
 * anything to it, not just our forms. So each field is checked here, and a bad one becomes a sentence next to
 * that field, never a request to Medusa with garbage in it and never a 500. Pure; unit-tested next to it.
 */

/** Control characters (except tab/newline) have no place in anything a shopper types. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A Medusa id: its prefix, an underscore, a ULID (26 characters) — allow a little slack, nothing else. */
export function medusaId(prefix: IdPrefix, message: string) {
  return z
    .string({ error: message })
    .trim()
    .refine((value) => looksLikeId(value, prefix), message);
}

/** A whole number of items within what one shopper may order in one line. */
export function quantity(min: 0 | 1, message: string) {
  // Digits only: Number() would also read " " as 0, "0x10" as 16 and "1e1" as 10.
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,2}$/, message)
    .transform(Number)
    .pipe(z.number().int(message).min(min, message).max(99, message));
}

/** Free text a shopper types: trimmed, bounded, printable. */
export function text(max: number, what: string) {
  return z
    .string()
    .trim()
    .max(max, `${what} is too long (at most ${max} characters).`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${what} contains characters we cannot use.`);
}

export const MAX_ADDRESS_FIELD = 120;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const countryCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, "We do not ship to that country yet.");

export const addToCartSchema = z.object({
  variant_id: medusaId("variant", "Please choose a size first."),
  quantity: quantity(1, "Please choose a quantity between 1 and 99.").default(1),
});

export const updateLineSchema = z.object({
  line_id: medusaId("cali", "That item is no longer in your cart. Please reload the page."),
  quantity: quantity(0, "Please choose a quantity between 0 and 99."),
});

export const chooseDeliverySchema = z.object({
  shipping_option_id: medusaId("so", "Please choose a delivery option."),
});

export const chooseCountrySchema = z.object({ country: countryCodeSchema });

export const MAX_PROMOTION_CODE = 64;

/**
 * A promotion code as a shopper types it: trimmed, letters and digits with - _ . between them. Medusa matches codes
 * exactly (case included), so the case is kept here; lib/promotion-codes.ts decides which spellings to try.
 */
export const promotionCodeSchema = z
  .string({ error: "Enter a promotion code." })
  .trim()
  .min(1, "Enter a promotion code.")
  .max(MAX_PROMOTION_CODE, "That code is too long. Please check it.")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u, "A promotion code has only letters, numbers and dashes. Please check it.");

/** Both the Apply and each Remove button send the code as `code`. */
export const promotionCodeFormSchema = z.object({ code: promotionCodeSchema });

export type Parsed<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string> };

/**
 * Reads the schema's fields from a form post. Empty fields count as absent (so defaults apply); a field sent
 * as a file instead of text is refused like any other bad value. The first message is the page-level one.
 */
export function parseForm<S extends z.ZodObject>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = formData.get(key);
    if (value === null || value === "") continue;
    raw[key] = typeof value === "string" ? value : { file: true };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "form");
    fieldErrors[name] ??= issue.message;
  }
  return { ok: false, error: Object.values(fieldErrors)[0] ?? "Please check your input.", fieldErrors };
}

/** An optional line of a wallet's address: what the sheet sends, or nothing. */
const walletText = (what: string) => text(MAX_ADDRESS_FIELD, what).optional().nullable();

/** The address a wallet's sheet reports: redacted (no street) while the shopper chooses, whole at confirm. */
export const walletAddressSchema = z.object({
  line1: walletText("The street"),
  line2: walletText("The second address line"),
  city: walletText("The city"),
  state: walletText("The state or province"),
  postal_code: walletText("The postal code"),
  country: z.string().trim().regex(/^[A-Za-z]{2}$/, "Choose a country."),
});

export const walletShippingRateSchema = z.object({ id: medusaId("so", "Please choose a delivery option.") });

/** What the wallet hands over when the shopper presses Pay, with the amount the sheet showed (minor units). */
export const walletConfirmSchema = z.object({
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[a-z]{3}$/),
  email: emailSchema,
  phone: text(40, "The phone number").optional().nullable(),
  shipping: z.object({ name: text(MAX_ADDRESS_FIELD, "The name").min(1, "The wallet gave no name."), address: walletAddressSchema }),
  billing: z
    .object({ name: text(MAX_ADDRESS_FIELD, "The name").optional().nullable(), address: walletAddressSchema.partial() })
    .optional()
    .nullable(),
});

/**
 * An account's email: compared in lower case, so "Ann@Example.com" at sign-up and "ann@example.com" at sign-in are
 * the same account (Medusa's email-and-password provider matches the address exactly as stored).
 */
export const accountEmailSchema = z
  .string({ error: "Enter your email address." })
  .pipe(emailSchema)
  .transform((email) => email.toLowerCase());

/** At most this long: a password is hashed on every sign-in, and nobody types more. */
export const MAX_PASSWORD = 128;
export const MIN_PASSWORD = 8;

export const signInSchema = z.object({
  email: accountEmailSchema,
  // Not trimmed, and no minimum beyond "something": it is compared, not chosen, here.
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD, "That password is too long."),
  // Where to go afterwards; lib/paths.ts decides whether it is a page of this shop.
  next: z.string().max(200).optional(),
});

/** A password the shopper chooses (creating an account, or a new one after a reset). */
const newPasswordSchema = z
  .string({ error: `Choose a password of at least ${MIN_PASSWORD} characters.` })
  .min(MIN_PASSWORD, `Choose a password of at least ${MIN_PASSWORD} characters.`)
  .max(MAX_PASSWORD, `A password can be at most ${MAX_PASSWORD} characters.`);

export const signUpSchema = z.object({
  first_name: text(MAX_ADDRESS_FIELD, "The first name").min(1, "Enter your first name."),
  last_name: text(MAX_ADDRESS_FIELD, "The last name").min(1, "Enter your last name."),
  email: accountEmailSchema,
  password: newPasswordSchema,
  next: z.string().max(200).optional(),
});

export const passwordResetRequestSchema = z.object({ email: accountEmailSchema });

/** The reset link's token (Medusa's signed JWT, checked by Medusa) and the new password. */
export const newPasswordAfterResetSchema = z.object({
  token: z
    .string({ error: "This reset link is incomplete." })
    .trim()
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "This reset link is incomplete.")
    .max(4096, "This reset link is incomplete."),
  password: newPasswordSchema,
});
