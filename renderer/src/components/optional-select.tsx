import type { SelectHTMLAttributes } from 'react';

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

/**
 * A select whose first choice means "none" or "any" (the empty value), then one option per item:
 * "Any doctor", "No type" and the like. Other select attributes (aria-label, className, test id)
 * pass through.
 */
export function OptionalSelect<T extends { id: string }>({
  value,
  onChange,
  none,
  items,
  labelOf,
  ...select
}: SelectProps & {
  value: string;
  onChange(value: string): void;
  /** The empty choice's text. */
  none: string;
  items: readonly T[];
  labelOf(item: NoInfer<T>): string;
}) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{none}</option>
      {items.map((item) => (
        <option key={item.id} value={item.id}>
          {labelOf(item)}
        </option>
      ))}
    </select>
  );
}

export const doctorName = (d: { displayName: string }): string => d.displayName;
