import {dataLink} from "./dataLink.js";
import {formatCount} from "../lib/core/format.js";
import {rowsToArrow, rowsToCsv} from "../lib/io/export.js";
import type {TableSchema} from "../lib/io/schema.js";

export interface DownloadOptions {
  /** File name without extension. */
  filename: string;
  label?: string;
}

/** Saves a blob under a file name, through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

/**
 * CSV and Arrow download buttons for the rows a page shows (after its filters). The CSV neutralises
 * spreadsheet formulas; the Arrow file keeps the published schema. Files are built on click, so the
 * buttons cost nothing until used.
 */
export function downloadButtons(rows: readonly Record<string, unknown>[], schema: TableSchema, {filename, label = "rows"}: DownloadOptions): HTMLElement {
  const form = document.createElement("form");
  form.className = "download-buttons";
  const make = (format: "csv" | "arrow") => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Download ${formatCount(rows.length)} ${label} as ${format.toUpperCase()}`;
    button.dataset.format = format;
    button.onclick = () => {
      if (format === "csv") saveBlob(new Blob([rowsToCsv(rows, schema)], {type: "text/csv;charset=utf-8"}), `${filename}.csv`);
      else saveBlob(new Blob([rowsToArrow(rows, schema) as Uint8Array<ArrayBuffer>], {type: "application/vnd.apache.arrow.file"}), `${filename}.arrow`);
    };
    return button;
  };
  form.append(make("csv"), " ", make("arrow"));
  return form;
}

/** A link that downloads a published file (a FileAttachment's href) under `filename`, through dataLink's gate. */
export function fileLink(href: string, text: string, filename: string): HTMLAnchorElement | Text {
  const link = dataLink(text, href);
  if (link instanceof HTMLAnchorElement) link.download = filename;
  return link;
}
