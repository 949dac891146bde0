import {load} from "./_registry.js";
await load("rings.arrow");
