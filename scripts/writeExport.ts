import {closeSync, openSync, rmSync, writeFileSync, writeSync} from "node:fs";
import {join} from "node:path";
import {IMPORT_TABLES} from "../src/io/import/contract.js";
import {drainCsv, exportCsv, exportLoadScript, exportManifest, type ExportedTable, type ExportFormat, type PublishedPieces} from "../src/io/import/exportTables.js";
import {openParquetConverter, type ParquetConverter} from "./exportParquet.js";

export interface ExportOptions {
  seed: number;
  scale: number;
  format: ExportFormat;
}

/** Appends text to a file, all of it (one write may take only part of a large buffer). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/**
 * Writes an export into the folder `dir` (which exists): each import table's file, streamed chunk by
 * chunk from `pieces` (exportCsv), and manifest.json. CSV: `<table>.csv` and load.sql (the PostgreSQL
 * load script). Parquet: each table's CSV goes to a temporary dotfile beside it, which DuckDB turns
 * into `<table>.parquet` while the next table is written, and which is then removed; there is no
 * load.sql, since psql's \copy reads CSV. Returns the tables written, in contract order.
 */
export async function writeExport(dir: string, pieces: PublishedPieces, {seed, scale, format}: ExportOptions): Promise<ExportedTable[]> {
  const converter: ParquetConverter | null = format === "parquet" ? await openParquetConverter(IMPORT_TABLES.length) : null;
  const csvFile = (table: string) => join(dir, converter ? `.${table}.csv` : `${table}.csv`);
  const open = new Map<string, number>();
  const conversions: Promise<void>[] = [];
  try {
    const tables = drainCsv(exportCsv(pieces), {
      write(table, text) {
        if (!open.has(table)) open.set(table, openSync(csvFile(table), "wx"));
        writeAll(open.get(table)!, text);
      },
      end({table, file, columns}) {
        closeSync(open.get(table)!);
        open.delete(table);
        if (converter) conversions.push(converter.convert(table, columns, csvFile(table), join(dir, file)).finally(() => rmSync(csvFile(table), {force: true})));
      }
    }, format);
    await Promise.all(conversions);
    if (format === "csv") writeFileSync(join(dir, "load.sql"), exportLoadScript(tables));
    writeFileSync(join(dir, "manifest.json"), exportManifest({seed, scale, format}, tables));
    return tables;
  } finally {
    for (const fd of open.values()) closeSync(fd);
    // A failure leaves no temporary file behind (a conversion still running finishes first).
    await Promise.allSettled(conversions);
    if (converter) for (const t of IMPORT_TABLES) rmSync(csvFile(t.name), {force: true});
    converter?.close();
  }
}
