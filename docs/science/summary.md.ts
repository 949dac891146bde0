// The page is pages/science/summary.md, published as it is, or as what it needs when the data lacks EVENT_LOG_NEED.
import {adaptPage} from "../data/_adaptPage.js";
await adaptPage(import.meta.url, "EVENT_LOG_NEED");
