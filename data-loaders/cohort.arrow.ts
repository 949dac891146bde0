import {load} from "./_registry.js";
await load("cohort.arrow");
