import { callbackData, oneOf } from "../../ui/callback-data.js";

/** The organisers' tools, two to a row: the command each button stands for. */
export const TOOLS = [
  "stats",
  "export",
  "requests",
  "checkin",
  "ideas",
  "entries",
  "broadcast",
  "broadcasts",
  "winner",
  "quiz",
  "feedback",
  "audit",
] as const;

/** A tool on the organisers' home screen. */
export const adminData = callbackData("admin", { tool: oneOf(TOOLS) });
