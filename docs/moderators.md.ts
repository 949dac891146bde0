// The page is pages/moderators.md, published as it is, or as what it needs when the data lacks SESSIONS_NEED.
import {adaptPage} from "./data/_adaptPage.js";
await adaptPage(import.meta.url, "SESSIONS_NEED");
