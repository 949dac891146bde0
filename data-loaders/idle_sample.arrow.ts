import {load} from "./_registry.js";
await load("idle_sample.arrow");
