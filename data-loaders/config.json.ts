import {parseConfig, parsePrivacy} from "../src/config.js";
import {END_DATE, START_DATE} from "../src/core/constants.js";
import {sampleRate} from "../src/world/tables.js";

/**
 * The build's configuration for pages: the world (seed, scale, privacy mode), the simulated calendar,
 * the share of flags and sessions that item-level tables keep (1 up to scale 4), and the reporting window (WORKBOOK_FROM..WORKBOOK_TO, default the calendar's last 90 days) that
 * date views start on. Pages read `window.from` and `window.to` (UTC YYYY-MM-DD, inclusive):
 *
 *     const config = await FileAttachment("data/config.json").json();
 *     const from = view(Inputs.date({label: "From", value: config.window.from, min: config.calendar.start, max: config.calendar.end}));
 */
try {
  const {seed, scale, from, to} = parseConfig(process.env);
  const privacy = parsePrivacy(process.env).enabled;
  process.stdout.write(JSON.stringify({seed, scale, privacy, sampleRate: sampleRate(scale), calendar: {start: START_DATE, end: END_DATE}, window: {from, to}}, null, 2));
} catch (error) {
  process.stderr.write(`loader config.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
