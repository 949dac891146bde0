import {publish} from "./_publish.js";
await publish("tta_bins", "arrow");
