import {load} from "./_registry.js";
await load("transparency.json");
