// The page is pages/ops/queue.md, with its sections that need the reviewers' shifts adapted to the data.
import {adaptPage} from "../data/_adaptPage.js";
await adaptPage(import.meta.url);
