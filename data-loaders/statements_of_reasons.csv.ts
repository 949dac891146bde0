import {STATEMENT_FIELDS} from "../src/dsa/statement.js";
import {toCsv} from "../src/io/csv.js";
import {publishTransparency} from "./_transparency.js";

/** The statements of reasons as CSV: list fields as JSON arrays in one cell, as the database's own exports do. */
await publishTransparency("statements_of_reasons.csv", ({statements}) =>
  toCsv(statements.map((s) => Object.fromEntries(STATEMENT_FIELDS.map((f) => [f, Array.isArray(s[f]) ? JSON.stringify(s[f]) : s[f]]))), STATEMENT_FIELDS)
);
