import { callbackData, matching } from "../ui/callback-data.js";

/** A broadcast id as it appears in buttons. */
export const broadcastId = matching(/[a-z0-9_-]{1,60}/);

/** Stop on a broadcast's progress message (the broadcast feature answers it). */
export const stopBroadcastData = callbackData("broadcast:stop", { id: broadcastId });
