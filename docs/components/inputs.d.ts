/**
 * Observable Inputs ships no type declarations. Components use only its documented factories (radio,
 * date, select, range, table), each returning a form element whose `value` is the input's value.
 */
declare module "@observablehq/inputs" {
  type Form<T> = HTMLFormElement & {value: T};
  /** A Map's keys are the labels and its values the input's values. */
  export function radio<T>(data: Map<string, T>, options?: {label?: string; value?: T}): Form<T>;
  export function radio<T>(data: Iterable<T>, options?: {label?: string; value?: T}): Form<T>;
  export function select<T>(data: Iterable<T>, options?: {label?: string; value?: T; format?: (value: T) => string}): Form<T>;
  export function range(extent: [number, number], options?: {label?: string; step?: number; value?: number}): Form<number>;
  export function table<T>(data: Iterable<T>, options?: {columns?: string[]; header?: Record<string, string>; format?: Record<string, (value: any) => string>; sort?: string; select?: boolean; layout?: string; rows?: number}): Form<T[]>;
  export function date(options?: {label?: string; value?: string | Date; min?: string; max?: string}): Form<Date>;
}
