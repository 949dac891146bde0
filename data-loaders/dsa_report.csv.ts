import {harmonisedReportRows} from "../src/dsa/reportRows.js";
import {toCsv} from "../src/io/csv.js";
import {publishTransparency} from "./_transparency.js";

/** The harmonised report's figures, one per line, each with the definition it uses. */
await publishTransparency("dsa_report.csv", ({report}) => toCsv(harmonisedReportRows(report).map((r) => ({...r})), ["section", "item", "value", "basis"]));
