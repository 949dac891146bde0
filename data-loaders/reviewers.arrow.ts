import {load} from "./_registry.js";
await load("reviewers.arrow");
