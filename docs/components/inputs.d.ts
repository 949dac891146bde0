/**
 * Observable Inputs ships no type declarations. Components use only its documented factories (radio,
 * date, select, range, table, form, text, toggle), each returning a form element whose `value` is the input's value. A
 * table's value is the selected row (or rows), or the rows when nothing selects.
 */
declare module "@observablehq/inputs" {
  type Form<T> = HTMLFormElement & {value: T};
  /** A Map's keys are the labels and its values the input's values. */
  export function radio<T>(data: Map<string, T>, options?: {label?: string; value?: T}): Form<T>;
  export function radio<T>(data: Iterable<T>, options?: {label?: string; value?: T}): Form<T>;
  export function select<T>(data: Iterable<T>, options?: {label?: string; value?: T; format?: (value: T) => string}): Form<T>;
  export function range(extent: [number, number], options?: {label?: string; step?: number; value?: number}): Form<number>;
  export interface TableOptions<T> {
    columns?: string[];
    header?: Record<string, string>;
    /** Cell content per column: text, or an element. */
    format?: Record<string, (value: any, index: number, data: readonly T[]) => unknown>;
    width?: Record<string, number | string> | number;
    align?: Record<string, "left" | "right" | "center">;
    sort?: string;
    reverse?: boolean;
    layout?: "auto" | "fixed";
    rows?: number;
    select?: boolean;
    multiple?: boolean;
    required?: boolean;
    value?: T | readonly T[];
  }
  export function table<T>(data: Iterable<T>, options?: TableOptions<T>): Form<any>;
  /** A form's value holds each input's value by name. */
  export function form<T extends Record<string, HTMLElement>>(inputs: T, options?: {template?: (inputs: T) => HTMLElement}): HTMLFormElement & {value: {[K in keyof T]: unknown}};
  export function text(options?: {label?: string; placeholder?: string; value?: string}): Form<string>;
  export function toggle(options?: {label?: string; value?: boolean}): Form<boolean>;
  export function date(options?: {label?: string; value?: string | Date; min?: string; max?: string}): Form<Date>;
}
