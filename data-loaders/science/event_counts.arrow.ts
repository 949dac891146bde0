import {load} from "../_registry.js";
await load("science/event_counts.arrow");
