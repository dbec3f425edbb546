import type { Update, User } from "grammy/types";
import { botCommandEntities, groupChat, privateChat, unixTime, type NewUpdate } from "@wealmaty/telegram-emulator";

/** A small seeded PRNG (mulberry32): a failing fuzz run can be replayed with its seed. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof randomSource>;

const ODD_TEXTS = [
  "<b>bold?</b> & <script>alert(1)</script>",
  "&amp; &lt; < > \" '",
  '=HYPERLINK("http://evil")',
  "\u202Eevil\u202C right-to-left",
  "👨‍👩‍👧‍👦🏳️‍🌈🇰🇿",
  "Zalgo t̸̢̛e̴͓͝x̷̱̾t̵̰̎",
  "\u0000\u0001 control",
  "Сәлем! Привет! Hello!",
  "   ",
  "Aigerim O'Neil-Smith",
  "+7 701 765 05 10",
  "someone@example.org",
  "https://www.instagram.com/p/Cabc123/",
];

const COMMANDS = [
  "/start",
  "/info",
  "/rsvp",
  "/contest",
  "/idea",
  "/language",
  "/help",
  "/cancel",
  "/admin",
  "/stats",
  "/export",
  "/checkin ABC123",
  "/start ci_forged",
  "/unknown",
  "/ideas",
  "/entries",
  "/winner",
  "/quiz start",
  "/broadcast",
  "/forget_me",
];

const CALLBACK_PREFIXES = [
  "menu:info",
  "menu:rsvp",
  "menu:contest",
  "menu:idea",
  "menu:language",
  "menu:home",
  "info:programme",
  "info:calendar",
  "lang:kk",
  "lang:xx",
  "rsvp:confirm",
  "rsvp:cancel",
  "ideas:support:1",
  "contest:score:1:2:5",
  "quiz:answer:0:1",
  "broadcast:send",
  "x".repeat(64),
  "",
  "💥",
];

function randomText(random: Random): string {
  switch (random.int(4)) {
    case 0:
      return random.pick(ODD_TEXTS);
    case 1:
      return "long ".repeat(1 + random.int(819)).slice(0, 4096);
    case 2:
      return Array.from({ length: 1 + random.int(40) }, () => String.fromCodePoint(32 + random.int(0x2fff))).join("");
    default:
      return `${random.pick(["hi", "when?", "where is it", "да", "иә", "yes", "no", "42"])}`;
  }
}

export type FuzzKind = "private" | "callback" | "ignored";

/** One random update from a user; `kind` says whether the bot owes that user an answer. */
export function randomUpdate(random: Random, user: User, messageId: () => number): { update: NewUpdate; kind: FuzzKind } {
  const chat = privateChat(user);
  const base = { message_id: messageId(), from: user, chat, date: unixTime() };
  const message = (extra: object) => ({ update: { message: { ...base, ...extra } } as NewUpdate, kind: "private" as const });
  switch (random.int(16)) {
    case 0:
    case 1:
    case 2: {
      const text = random.pick(COMMANDS);
      return message({ text, entities: botCommandEntities(text) });
    }
    case 3:
    case 4:
      return message({ text: randomText(random) });
    case 5:
      return message({
        sticker: { file_id: "stk", file_unique_id: "stk-u", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
      });
    case 6:
      return message({ voice: { file_id: "voice", file_unique_id: "voice-u", duration: 3 } });
    case 7:
      return message({
        poll: {
          id: "p1",
          question: "Which park?",
          options: [
            { text: "A", voter_count: 0 },
            { text: "B", voter_count: 0 },
          ],
          total_voter_count: 0,
          is_closed: false,
          is_anonymous: true,
          type: "regular",
          allows_multiple_answers: false,
        },
      });
    case 8:
      return message({
        photo: [{ file_id: "photo", file_unique_id: "photo-u", width: 90, height: 90 }],
        caption: random.next() < 0.5 ? randomText(random) : undefined,
      });
    case 9:
      return message({ location: { latitude: -90 + random.next() * 180, longitude: -180 + random.next() * 360 } });
    case 10:
      return message({ contact: { phone_number: "+77017650510", first_name: "X", user_id: random.next() < 0.5 ? user.id : user.id + 1 } });
    case 11:
    case 12: {
      // A callback query with made-up or stale data on a message that may not exist.
      const data = random.pick(CALLBACK_PREFIXES);
      return {
        update: {
          callback_query: {
            id: `fuzz-${user.id}-${base.message_id}`,
            from: user,
            chat_instance: String(user.id),
            data,
            message: { message_id: 1 + random.int(50), date: 0, chat },
          },
        } as NewUpdate,
        kind: "callback",
      };
    }
    case 13:
      return { update: { edited_message: { ...base, text: randomText(random), edit_date: unixTime() } } as NewUpdate, kind: "ignored" };
    case 14: {
      const group = groupChat(-1_000_000 - random.int(5));
      return {
        update: { message: { ...base, chat: group, text: random.pick(["hello", "/info", "/rsvp"]) } } as NewUpdate,
        kind: "ignored",
      };
    }
    default:
      return random.next() < 0.5
        ? {
            update: {
              channel_post: {
                message_id: base.message_id,
                date: unixTime(),
                chat: { id: -1009, type: "channel", title: "News" },
                text: "post",
              },
            } as NewUpdate,
            kind: "ignored",
          }
        : // An update type this bot version has never heard of.
          { update: { future_update_type: { hello: "world" } } as unknown as NewUpdate, kind: "ignored" };
  }
}

/** Does this API call answer the user (a message to their chat, or a callback answer)? */
export function answersChat(call: { method: string; payload: Record<string, unknown> }, chatId: number, queryId?: string) {
  if (queryId !== undefined && call.method === "answerCallbackQuery") return call.payload.callback_query_id === queryId;
  return String(call.payload.chat_id) === String(chatId);
}

export type { Update };
