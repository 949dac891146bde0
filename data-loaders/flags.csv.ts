import {load} from "./_registry.js";
await load("flags.csv");
