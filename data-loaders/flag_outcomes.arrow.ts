import {load} from "./_registry.js";
await load("flag_outcomes.arrow");
