/**
 * Observable Inputs' form, text and toggle, declared for the case view's filters (docs/components/caseView.ts);
 * the other factories are in inputs.d.ts and inputsTable.d.ts. A form's value holds each input's value by name.
 */
declare module "@observablehq/inputs" {
  export function form<T extends Record<string, HTMLElement>>(inputs: T, options?: {template?: (inputs: T) => HTMLElement}): HTMLFormElement & {value: {[K in keyof T]: unknown}};
  export function text(options?: {label?: string; placeholder?: string; value?: string}): HTMLFormElement & {value: string};
  export function toggle(options?: {label?: string; value?: boolean}): HTMLFormElement & {value: boolean};
}
