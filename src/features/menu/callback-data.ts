import { callbackData } from "../../ui/callback-data.js";

/** The main menu's buttons: each opens the screen of the feature it names (home is the menu itself). */
export const menuData = {
  home: callbackData("menu:home"),
  info: callbackData("menu:info"),
  rsvp: callbackData("menu:rsvp"),
  contest: callbackData("menu:contest"),
  idea: callbackData("menu:idea"),
  language: callbackData("menu:language"),
};
