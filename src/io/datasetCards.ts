/**
 * The datasets page's cards, as data: one per published table (from its contract) and one per derived
 * table (from catalog.json's copy of its contract). The component that draws them adds only markup and
 * the files' addresses.
 */
import {formatBytes, formatCount} from "../core/format.js";
import type {ColumnSpec, TableSchema} from "./schema.js";

/** A published table's entry in catalog.json. */
export interface CatalogTable {
  name: string;
  rows: number;
  arrowBytes: number;
  csvBytes: number | null;
}

/** A derived table's entry in catalog.json: its file, page and a summary of its contract. */
export interface CatalogDerived {
  file: string;
  title: string;
  page: string;
  rows: number;
  arrowBytes: number;
  description: string;
  grain: string;
  columns: readonly Pick<ColumnSpec, "name" | "type" | "nullable">[];
}

/** A download: the key of the file in the page's list of attachments, the link's text and the saved file's name. */
export interface DatasetDownload {
  key: string;
  text: string;
  file: string;
}

export interface DatasetCard {
  id: string;
  title: string;
  /** "N rows × M columns · one row per grain". */
  facts: string;
  description: string;
  /** "Columns: a (int), b (string, nullable)." */
  columns: string;
  arrow: DatasetDownload;
  csv: DatasetDownload | null;
  /** The anchor of the table's column definitions, for a published table. */
  dictionary: string | null;
  /** The page that explains a derived table (from the data: it still passes the link gate). */
  page: string | null;
}

/** Each column as "name (type)" or "name (type, nullable)", in one sentence. */
export function columnList(columns: readonly Pick<ColumnSpec, "name" | "type" | "nullable">[]): string {
  return `Columns: ${columns.map((c) => `${c.name} (${c.type}${c.nullable ? ", nullable" : ""})`).join(", ")}.`;
}

function facts(rows: number, columns: number, grain: string): string {
  return `${formatCount(rows)} rows × ${columns} columns · one row per ${grain}`;
}

/** A card for each published table, in catalog order; `schemas` gives each table's contract. */
export function tableCards(tables: readonly CatalogTable[], schemas: Readonly<Record<string, TableSchema>>): DatasetCard[] {
  return tables.map((entry) => {
    const schema = schemas[entry.name];
    if (!schema) throw new Error(`invalid table: ${entry.name} has no contract`);
    return {
      id: `dataset-${entry.name}`,
      title: entry.name,
      facts: facts(entry.rows, schema.columns.length, schema.grain),
      description: schema.description,
      columns: columnList(schema.columns),
      arrow: {key: entry.name, text: `Arrow (${formatBytes(entry.arrowBytes)})`, file: `${entry.name}.arrow`},
      csv: entry.csvBytes === null ? null : {key: entry.name, text: `CSV (${formatBytes(entry.csvBytes)})`, file: `${entry.name}.csv`},
      dictionary: `table-${entry.name}`,
      page: null
    };
  });
}

/** A card for each derived table, in catalog order. */
export function derivedCards(derived: readonly CatalogDerived[]): DatasetCard[] {
  return derived.map((entry) => ({
    id: `dataset-${entry.file.replace(/\W+/g, "-")}`,
    title: entry.title,
    facts: facts(entry.rows, entry.columns.length, entry.grain),
    description: entry.description,
    columns: columnList(entry.columns),
    arrow: {key: entry.file, text: `Arrow (${formatBytes(entry.arrowBytes)})`, file: entry.file.split("/").pop()!},
    csv: null,
    dictionary: null,
    page: entry.page
  }));
}
