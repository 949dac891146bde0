import {load} from "./_registry.js";
await load("attack_signals.json");
