import {publishScience} from "../_publish.js";
await publishScience("clusters.json");
