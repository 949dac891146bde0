import {DataType, tableFromIPC, type Table, type TypeMap} from "apache-arrow";

/** What loadArrow needs from a file: Framework's FileAttachment, or anything else that yields bytes. */
export interface ArrowSource {
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Named in errors, so that a broken file can be traced to its loader. */
  name?: string;
}

export type ArrowBytes = ArrayBuffer | Uint8Array;

/**
 * Reads an Arrow IPC file (file or stream format), as written by the loaders, into an Arrow table.
 * Pages read every dataset through here so that one place knows the format:
 *
 *     const flags = await loadArrow(FileAttachment("data/flags.arrow").arrayBuffer(), "data/flags.arrow");
 *
 * Pages must pass the bytes, not the attachment: Framework treats a bare `FileAttachment("x.arrow")`
 * like a call to its `.arrow()` and tries to download apache-arrow from a CDN at build time, which
 * fails offline. Anything with an `arrayBuffer()` method (a FileAttachment in Node tests) works too.
 */
export async function loadArrow<T extends TypeMap = any>(
  source: ArrowSource | ArrowBytes | PromiseLike<ArrowBytes>,
  name: string = (source as ArrowSource).name ?? "arrow file"
): Promise<Table<T>> {
  const bytes = await (isSource(source) ? source.arrayBuffer() : source);
  if (bytes.byteLength === 0) throw new Error(`empty arrow file: ${name}`);
  let table: Table<T>;
  try {
    table = tableFromIPC<T>(ArrayBuffer.isView(bytes) ? bytes : new Uint8Array(bytes));
  } catch (error) {
    throw new Error(`invalid arrow file: ${name} (${(error as Error).message})`);
  }
  // A byte string that is not Arrow can parse as a table without columns; no loader writes one.
  if (table.schema.fields.length === 0) throw new Error(`invalid arrow file: ${name} (no columns)`);
  return table;
}

function isSource(source: unknown): source is ArrowSource {
  return typeof (source as ArrowSource).arrayBuffer === "function";
}

/**
 * Plain row objects for Plot and Inputs. Arrow hands back dates and timestamps as epoch milliseconds;
 * they become Date objects here so that charts get a time scale and tables show dates. 64-bit integers
 * become numbers.
 */
export function toRows<R extends Record<string, unknown> = Record<string, any>>(table: Table): R[] {
  const columns = table.schema.fields.map((field, i) => {
    const vector = table.getChildAt(i)!;
    const kind = DataType.isDate(field.type) || DataType.isTimestamp(field.type) ? "date" : isBigInt(field.type) ? "bigint" : "plain";
    return {name: field.name, vector, kind};
  });
  const rows: R[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const {name, vector, kind} of columns) {
      const value = vector.get(r);
      row[name] =
        value == null ? null : kind === "date" ? new Date(Number(value)) : kind === "bigint" ? Number(value) : value;
    }
    rows[r] = row as R;
  }
  return rows;
}

function isBigInt(type: DataType): boolean {
  return DataType.isInt(type) && type.bitWidth === 64;
}
