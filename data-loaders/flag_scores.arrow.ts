import {publish} from "./_publish.js";
await publish("flag_scores", "arrow");
