import {publish} from "./_publish.js";
await publish("flag_texts", "arrow");
