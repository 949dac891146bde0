import {load} from "./_registry.js";
await load("users.arrow");
