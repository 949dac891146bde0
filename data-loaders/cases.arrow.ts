import {load} from "./_registry.js";
await load("cases.arrow");
