/**
 * Observable Inputs' table, and select with a format, declared for the components that build a page's
 * tables and pickers (the other factories are in inputs.d.ts). A table's value is the selected row (or
 * rows), or the rows when nothing selects.
 */
declare module "@observablehq/inputs" {
  export interface TableOptions<T> {
    columns?: string[];
    header?: Record<string, string>;
    format?: Record<string, (value: any, index?: number, rows?: readonly T[]) => unknown>;
    width?: Record<string, number>;
    align?: Record<string, "left" | "right" | "center">;
    sort?: string;
    reverse?: boolean;
    rows?: number;
    layout?: "auto" | "fixed";
    select?: boolean;
    multiple?: boolean;
    required?: boolean;
    value?: T | readonly T[];
  }
  export function select<T>(data: Iterable<T>, options: {label?: string; value?: T; format?: (value: T) => string}): HTMLFormElement & {value: T};
  export function table<T>(data: readonly T[], options?: TableOptions<T>): HTMLFormElement & {value: any};
}
