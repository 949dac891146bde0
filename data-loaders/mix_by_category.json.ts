import {load} from "./_registry.js";
await load("mix_by_category.json");
