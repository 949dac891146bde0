import {publishScience} from "../_publish.js";
await publishScience("drift.json");
