/**
 * Observable Inputs ships no type declarations. Components use only its documented factories (radio,
 * date, select, table), each returning a form element whose `value` is the input's value.
 */
declare module "@observablehq/inputs" {
  type Form<T> = HTMLFormElement & {value: T};
  export function radio<T>(data: Iterable<T>, options?: {label?: string; value?: T}): Form<T>;
  export function select<T>(data: Iterable<T>, options?: {label?: string; value?: T}): Form<T>;
  export interface TableOptions<T> {
    columns?: string[];
    header?: Record<string, string>;
    /** Cell content per column: text, or an element. */
    format?: Record<string, (value: any, index: number, data: readonly T[]) => unknown>;
    width?: Record<string, number | string>;
    layout?: "auto" | "fixed";
    rows?: number;
    select?: boolean;
  }
  export function table<T>(data: Iterable<T>, options?: TableOptions<T>): Form<T[]>;
  export function date(options?: {label?: string; value?: string | Date; min?: string; max?: string}): Form<Date>;
}
