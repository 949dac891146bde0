// The page is pages/transparency.md, published as it is, or as what it needs when the data lacks DSA_NEED.
import {adaptPage} from "./data/_adaptPage.js";
await adaptPage(import.meta.url, "DSA_NEED");
