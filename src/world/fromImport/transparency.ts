import {COUNTRIES} from "../../core/constants.js";
import type {Columns} from "../../io/schema.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {asImported} from "./accounts.js";
import {DSA_FLAGS} from "../../io/contracts.js";

/**
 * The transparency tables from imported tables: the DSA fields of each flag, as imported, and the
 * monthly active recipients, with each country's code, region and EEA membership added from the
 * workbook's country list (the contract has already checked the names).
 */

const COUNTRY = new Map(COUNTRIES.map((c) => [c.name, c]));

export function dsaFlagsFromImport(imported: ImportColumns): Columns {
  return asImported(imported, "dsa_decisions", DSA_FLAGS.columns.map((c) => c.name));
}

export function monthlyActiveFromImport(imported: ImportColumns): Columns {
  const {month, country, monthly_active_recipients: recipients} = asImported(imported, "monthly_active", ["month", "country", "monthly_active_recipients"]);
  const of = Array.from(country as ArrayLike<string>, (name) => COUNTRY.get(name)!);
  return {
    month,
    country,
    country_code: of.map((c) => c.code),
    region: of.map((c) => c.region),
    eea: of.map((c) => c.eea),
    monthly_active_recipients: recipients
  };
}
