import {load} from "./_registry.js";
await load("rejects.csv");
