import {harmonisedReportRows, sampleStatements} from "../src/dsa/reportRows.js";
import {MAPPING_FILE, publishTransparency} from "./_transparency.js";

/** What the transparency page shows: the mapping, sample statements and the harmonised report. */
await publishTransparency("transparency.json", ({config, mapping, statements, report, sampleRate}) =>
  JSON.stringify({window: {from: config.from, to: config.to}, sampleRate, mappingFile: MAPPING_FILE, mapping, statements: statements.length, samples: sampleStatements(statements, 12), report, figures: harmonisedReportRows(report)}, null, 1)
);
