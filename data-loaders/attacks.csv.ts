import {load} from "./_registry.js";
await load("attacks.csv");
