import {load} from "./_registry.js";
await load("reviewer_days.arrow");
