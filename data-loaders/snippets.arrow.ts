import {load} from "./_registry.js";
await load("snippets.arrow");
