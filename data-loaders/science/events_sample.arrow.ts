import {load} from "../_registry.js";
await load("science/events_sample.arrow");
