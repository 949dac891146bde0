import {publish} from "./_publish.js";
await publish("wait_bins", "arrow");
