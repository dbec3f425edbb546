/** Every Bot API method the emulator answers, by canonical name. */
import type { EmulatorState } from "../emulator-state.js";
import { callbackMethods } from "./callbacks.js";
import { chatMethods } from "./chats.js";
import { editingMethods } from "./editing.js";
import { fileMethods } from "./files.js";
import { sendingMethods } from "./sending.js";
import type { MethodTable } from "./types.js";
import { updateMethods } from "./updates.js";

export type { CallContext, Method, MethodTable } from "./types.js";

/** Real methods the fake doesn't model; they just succeed with `true`. */
const ACCEPTED_METHODS = [
  "logOut",
  "close",
  "setMyDescription",
  "setMyShortDescription",
  "setMyName",
  "setMyDefaultAdministratorRights",
  "pinChatMessage",
  "unpinChatMessage",
  "unpinAllChatMessages",
  "setMessageReaction",
  "banChatMember",
  "unbanChatMember",
  "restrictChatMember",
  "promoteChatMember",
  "setChatAdministratorCustomTitle",
  "setChatPermissions",
  "setChatPhoto",
  "deleteChatPhoto",
  "setChatTitle",
  "setChatDescription",
  "setChatStickerSet",
  "deleteChatStickerSet",
  "approveChatJoinRequest",
  "declineChatJoinRequest",
  "answerInlineQuery",
  "answerShippingQuery",
  "answerPreCheckoutQuery",
  "setPassportDataErrors",
  "stopMessageLiveLocation",
  "editMessageLiveLocation",
  "setUserEmojiStatus",
  "banChatSenderChat",
  "unbanChatSenderChat",
  "unpinAllForumTopicMessages",
  "closeForumTopic",
  "reopenForumTopic",
  "deleteForumTopic",
  "editForumTopic",
  "setStickerSetTitle",
  "deleteStickerFromSet",
];

export function methodTable(state: EmulatorState): MethodTable {
  return {
    ...updateMethods(state),
    ...sendingMethods(state),
    ...editingMethods(state),
    ...callbackMethods(state),
    ...fileMethods(state),
    ...chatMethods(state),
    ...Object.fromEntries(ACCEPTED_METHODS.map((name) => [name, () => true])),
  };
}
