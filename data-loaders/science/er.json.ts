import {load} from "../_registry.js";
await load("science/er.json");
