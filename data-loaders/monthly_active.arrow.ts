import {load} from "./_registry.js";
await load("monthly_active.arrow");
