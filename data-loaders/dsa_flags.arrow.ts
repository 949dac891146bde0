import {load} from "./_registry.js";
await load("dsa_flags.arrow");
