import { SAVED_ADDRESS_CHOICE_FIELD } from "@/lib/address-fields";
import type { SavedAddressChoice } from "@/lib/saved-addresses";

interface SavedAddressPickerProps {
  choices: SavedAddressChoice[];
  /** The saved address chosen, or "" for a new one. */
  selectedId: string;
  onPick: (id: string) => void;
}

/**
 * The signed-in customer's saved addresses as radio buttons above the shipping fields, and "A new address": a native
 * radio group, so arrow keys move through it and screen readers announce each choice with its group. Each label
 * wraps, so it fits a 320 px screen.
 */
export function SavedAddressPicker({ choices, selectedId, onPick }: SavedAddressPickerProps) {
  const option = (id: string, label: string) => (
    <label key={id || "new"} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-neutral-200 px-3 py-2.5 text-sm has-checked:border-neutral-900">
      <input
        type="radio"
        name={SAVED_ADDRESS_CHOICE_FIELD}
        value={id}
        checked={selectedId === id}
        onChange={() => onPick(id)}
        className="mt-0.5 size-4 shrink-0 accent-neutral-900"
      />
      <span className="min-w-0 break-words">{label}</span>
    </label>
  );
  return (
    <fieldset className="mb-5" aria-describedby="saved-address-hint">
      <legend className="mb-1 text-sm font-medium">Your saved addresses</legend>
      <p id="saved-address-hint" className="mb-3 text-sm text-neutral-600">
        Choosing one fills in the shipping address below.
      </p>
      <div className="space-y-2">
        {choices.map((choice) => option(choice.id, choice.label))}
        {option("", "A new address")}
      </div>
    </fieldset>
  );
}
