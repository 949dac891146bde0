import {load} from "../_registry.js";
await load("science/review_links.arrow");
