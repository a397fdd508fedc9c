import { type FormEvent, startTransition } from "react";

/**
 * onSubmit for forms bound to a server action through useActionState. React resets a form after
 * its action runs, which on failure would put selects, radios and checkboxes back to what the page
 * first rendered and lose what the shopper chose. Dispatching the action ourselves skips that
 * reset; without JavaScript the form still posts to the same action.
 */
export function submitWithoutReset(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
}
