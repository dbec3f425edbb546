/** @wealmaty/telegram-emulator: a local Telegram Bot API server and builders for the updates users send. */
export { FakeBotApi } from "./fake-bot-api.js";
export type {
  ApiCall,
  CallGate,
  CallListener,
  ChatFile,
  ChatMemberStatus,
  ChatMessage,
  ChatMessageKind,
  FakeBotApiOptions,
  FileKind,
  InjectedError,
  NewUpdate,
  Payload,
  RegisterFileOptions,
  ReplyMarkup,
  StoredFile,
  UpdateListener,
  UploadedFile,
} from "./fake-bot-api.js";
export { badRequest, forbidden, tooManyRequests, TelegramApiError, type ApiErrorBody } from "./api-error.js";
export type { RateEnforcement, RateEnforcer } from "./rate-enforcer.js";
export * from "./updates.js";
export { parseRequest } from "./request-body.js";
export { DEFAULT_BOT_INFO, DEFAULT_TOKEN } from "./options.js";
