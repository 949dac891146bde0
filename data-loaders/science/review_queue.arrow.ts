import {scienceFile} from "../_science.js";
await scienceFile("review_queue.arrow");
