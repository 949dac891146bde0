import {load} from "./_registry.js";
await load("weekly_summary.json");
