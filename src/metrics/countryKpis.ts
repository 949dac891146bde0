import type {TableSchema} from "../io/schema.js";
import {computeKpi, inScope, type Row, type Scope} from "./computeKpi.js";
import {kpiDefinition, type KpiDefinition} from "./definitions.js";
import {unrecordedColumns} from "./unrecorded.js";

/** The APAC KPI dashboard's country_kpis.csv: one row per country with its totals and rates over the scope (NaN where the data does not record a column). */
export interface CountryKpis {
  country: string;
  region: string;
  active_user_days: number;
  content_created: number;
  reports: number;
  enforcements: number;
  appeals: number;
  successful_appeals: number;
  report_rate: number;
  enforcement_rate: number;
  appeal_rate: number;
  /** The dictionary's appeal_overturn_rate (the APAC KPI dashboard called it the appeal success rate). */
  appeal_overturn_rate: number;
  /** @deprecated The same value as appeal_overturn_rate, under the APAC KPI dashboard's name, until insights.ts moves to it. */
  appeal_success_rate: number;
  /** The dictionary's median_response_time: the median of the country-days' medians. */
  median_response_time_hours: number;
}

const sum = (column: string) => ({kind: "sum", measure: {table: "daily_country", sum: column}}) as const;

export function countryKpis(rows: readonly Row[], scope: Scope = {}): CountryKpis[] {
  const countries = new Map<string, string>();
  for (const r of rows) if (inScope(r, scope)) countries.set(String(r.country), String(r.region));
  const tables = {daily_country: rows};
  // A column the data does not record (null in every row: an import without appeals or activity) has no value, not 0.
  const measure = (def: KpiDefinition, s: Scope) => (unrecordedColumns(def.formula, tables).length ? NaN : computeKpi(def, tables, s));
  const kpi = (id: string, s: Scope) => measure(kpiDefinition(id), s);
  return [...countries].map(([country, region]) => {
    const s = {...scope, country};
    const total = (column: string) => measure({...kpiDefinition("reports"), formula: sum(column)}, s);
    return {
      country,
      region,
      active_user_days: total("active_users"),
      content_created: kpi("content_created", s),
      reports: kpi("reports", s),
      enforcements: kpi("enforcements", s),
      appeals: kpi("appeals", s),
      successful_appeals: total("successful_appeals"),
      report_rate: kpi("report_rate", s),
      enforcement_rate: kpi("enforcement_rate", s),
      appeal_rate: kpi("appeal_rate", s),
      appeal_overturn_rate: kpi("appeal_overturn_rate", s),
      appeal_success_rate: kpi("appeal_overturn_rate", s),
      median_response_time_hours: kpi("median_response_time", s)
    };
  });
}

const intColumn = (name: string, description: string) => ({name, type: "int" as const, min: 0, description});
const rateColumn = (name: string, description: string) => ({name, type: "float" as const, min: 0, max: 1, nullable: true, description});

/** The download's contract: the columns of the APAC KPI dashboard's country_kpis.csv, plus region and DAU-days. */
export const COUNTRY_KPIS: TableSchema = {
  name: "country_kpis",
  description: "One row per country over the selected range: the APAC KPI dashboard's country KPI summary.",
  grain: "country",
  key: ["country"],
  columns: [
    {name: "country", type: "string", description: "Country."},
    {name: "region", type: "string", description: "Region."},
    intColumn("active_user_days", "Sum of daily active users over the days (DAU-days)."),
    intColumn("content_created", "Content created."),
    intColumn("reports", "Reports."),
    intColumn("enforcements", "Enforcements."),
    intColumn("appeals", "Appeals."),
    intColumn("successful_appeals", "Appeals that overturned the action."),
    rateColumn("report_rate", "reports / content_created."),
    rateColumn("enforcement_rate", "enforcements / reports."),
    rateColumn("appeal_rate", "appeals / enforcements."),
    rateColumn("appeal_overturn_rate", "successful_appeals / appeals: the KPI dictionary's appeal overturn rate (the APAC KPI dashboard's appeal success rate)."),
    {name: "median_response_time_hours", type: "float", min: 0, nullable: true, description: "Median of the country-days' median response times (hours): the KPI dictionary's median response time."}
  ]
};

/** The country table's columns that are dictionary KPIs, and the id each one is computed by. */
export const COUNTRY_KPI_IDS: Readonly<Record<string, string>> = {
  content_created: "content_created",
  reports: "reports",
  enforcements: "enforcements",
  appeals: "appeals",
  report_rate: "report_rate",
  enforcement_rate: "enforcement_rate",
  appeal_rate: "appeal_rate",
  appeal_overturn_rate: "appeal_overturn_rate",
  median_response_time_hours: "median_response_time"
};

/**
 * Headers of the country table: a KPI column is titled by its dictionary name, the other columns in
 * plain words.
 */
export function countryKpiHeaders(): Record<string, string> {
  const plain: Record<string, string> = {country: "Country", region: "Region", active_user_days: "DAU-days", successful_appeals: "Successful appeals"};
  for (const [column, id] of Object.entries(COUNTRY_KPI_IDS)) {
    const def = kpiDefinition(id);
    plain[column] = def.name;
  }
  return plain;
}
