import {load} from "../_registry.js";
await load("science/drift.json");
