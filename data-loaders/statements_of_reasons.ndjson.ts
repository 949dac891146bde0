import {load} from "./_registry.js";
await load("statements_of_reasons.ndjson");
