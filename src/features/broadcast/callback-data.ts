import { callbackData } from "../../ui/callback-data.js";
import { broadcastId, stopBroadcastData } from "../../delivery/callback-data.js";

/** Stop (the progress message, sent by the delivery engine) and Cancel (/broadcasts). */
export const broadcastData = {
  stop: stopBroadcastData,
  drop: callbackData("broadcast:drop", { id: broadcastId }),
};
