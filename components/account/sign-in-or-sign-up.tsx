import type { FormState } from "@/lib/form";
import { SignInForm } from "./sign-in-form";
import { SignUpForm } from "./sign-up-form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

interface SignInOrSignUpProps {
  next: string | null;
  signIn: Action;
  signUp: Action;
  minPasswordLength: number;
  /** Said above the forms, e.g. that the password was just changed. */
  notice?: string;
}

/** Sign in (first, the common case) beside creating an account; stacked on phones. */
export function SignInOrSignUp({ next, signIn, signUp, minPasswordLength, notice }: SignInOrSignUpProps) {
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Your account</h1>
      <p className="mt-2 text-neutral-600">
        {next ? "Sign in to continue; your cart comes with you." : "Sign in to see your orders. Your cart comes with you."}
      </p>
      {notice ? (
        <p role="status" className="mt-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="sign-in-heading" className="card p-5 sm:p-6">
          <h2 id="sign-in-heading" className="mb-4 text-lg font-semibold">
            Sign in
          </h2>
          <SignInForm action={signIn} next={next} />
        </section>
        <section aria-labelledby="sign-up-heading" className="card p-5 sm:p-6">
          <h2 id="sign-up-heading" className="mb-4 text-lg font-semibold">
            New here? Create an account
          </h2>
          <SignUpForm action={signUp} next={next} minPasswordLength={minPasswordLength} />
        </section>
      </div>
    </div>
  );
}
