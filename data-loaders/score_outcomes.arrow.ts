import {load} from "./_registry.js";
await load("score_outcomes.arrow");
