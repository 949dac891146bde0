import {load} from "./_registry.js";
await load("idle_periods.arrow");
