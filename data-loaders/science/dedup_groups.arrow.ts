import {load} from "../_registry.js";
await load("science/dedup_groups.arrow");
