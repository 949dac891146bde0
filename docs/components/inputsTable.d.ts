/**
 * Observable Inputs' table, as components call it (its other factories are declared in inputs.d.ts;
 * the two declarations merge). Options are passed through as documented by Inputs.
 */
declare module "@observablehq/inputs" {
  export interface TableOptions {
    columns?: string[];
    header?: Record<string, string>;
    format?: Record<string, (value: any) => string>;
    width?: Record<string, number> | number;
    sort?: string;
    reverse?: boolean;
    rows?: number;
    layout?: "auto" | "fixed";
    select?: boolean;
  }
  export function table<T>(data: Iterable<T>, options?: TableOptions): HTMLFormElement & {value: T[]};
}
