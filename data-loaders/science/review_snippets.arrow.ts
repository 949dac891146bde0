import {publishScience} from "../_publish.js";
await publishScience("review_snippets.arrow");
