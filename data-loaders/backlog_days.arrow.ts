import {load} from "./_registry.js";
await load("backlog_days.arrow");
