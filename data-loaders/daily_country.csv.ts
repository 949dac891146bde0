import {load} from "./_registry.js";
await load("daily_country.csv");
