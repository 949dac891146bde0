import {publish} from "./_publish.js";
await publish("item_view_days", "arrow");
