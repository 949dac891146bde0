import {publishTransparency} from "./_transparency.js";

/** One statement of reasons per line, in the Transparency Database API's v2 shape. */
await publishTransparency("statements_of_reasons.ndjson", ({statements}) => statements.map((s) => JSON.stringify(s)).join("\n") + "\n");
