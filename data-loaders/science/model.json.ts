import {publishScience} from "../_publish.js";
await publishScience("model.json");
