import {publishScience} from "../_publish.js";
await publishScience("review_links.arrow");
