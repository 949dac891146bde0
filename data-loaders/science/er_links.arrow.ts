import {publishScience} from "../_publish.js";
await publishScience("er_links.arrow");
