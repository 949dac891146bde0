import {describe, expect, it} from "vitest";
import {columnList, derivedCards, tableCards} from "../../../src/io/datasetCards.js";
import type {TableSchema} from "../../../src/io/schema.js";

const schema: TableSchema = {
  name: "things",
  description: "Things we count.",
  grain: "thing",
  columns: [
    {name: "id", type: "int", description: "Id."},
    {name: "note", type: "string", nullable: true, description: "A note."}
  ]
};

describe("columnList(columns)", () => {
  it("columnList(columns) names each column's type and marks the nullable ones", () => {
    expect(columnList(schema.columns)).toBe("Columns: id (int), note (string, nullable).");
  });
});

describe("tableCards(tables, schemas)", () => {
  it("tableCards(tables, schemas) states rows, columns, grain and both downloads with their sizes", () => {
    const [card] = tableCards([{name: "things", rows: 12345, arrowBytes: 2500, csvBytes: 1_250_000}], {things: schema});
    expect(card).toEqual({
      id: "dataset-things",
      title: "things",
      facts: "12,345 rows × 2 columns · one row per thing",
      description: "Things we count.",
      columns: "Columns: id (int), note (string, nullable).",
      arrow: {key: "things", text: "Arrow (2.5 kB)", file: "things.arrow"},
      csv: {key: "things", text: "CSV (1.3 MB)", file: "things.csv"},
      dictionary: "table-things",
      page: null
    });
  });
  it("tableCards(tables, schemas) offers no CSV for a table published without one", () => {
    expect(tableCards([{name: "things", rows: 1, arrowBytes: 10, csvBytes: null}], {things: schema})[0].csv).toBeNull();
  });
  it("tableCards(tables, schemas) throws for a table without a contract", () => {
    expect(() => tableCards([{name: "ghost", rows: 1, arrowBytes: 10, csvBytes: null}], {things: schema})).toThrow("invalid table: ghost has no contract");
  });
});

describe("derivedCards(derived)", () => {
  it("derivedCards(derived) ids the card by its path, saves under the file's own name and links its page", () => {
    const [card] = derivedCards([{file: "science/er_links.arrow", title: "Links", page: "./science/automation", rows: 3, arrowBytes: 900, description: "Pairs.", grain: "pair", columns: [{name: "a", type: "string", nullable: false}]}]);
    expect(card).toEqual({
      id: "dataset-science-er_links-arrow",
      title: "Links",
      facts: "3 rows × 1 columns · one row per pair",
      description: "Pairs.",
      columns: "Columns: a (string).",
      arrow: {key: "science/er_links.arrow", text: "Arrow (0.9 kB)", file: "er_links.arrow"},
      csv: null,
      dictionary: null,
      page: "./science/automation"
    });
  });
});
