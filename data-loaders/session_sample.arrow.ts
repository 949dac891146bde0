import {load} from "./_registry.js";
await load("session_sample.arrow");
