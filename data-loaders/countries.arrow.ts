import {load} from "./_registry.js";
await load("countries.arrow");
