import type { Redis } from "ioredis";
import { z } from "zod";
import type { Keyspace } from "./keys.js";
import { parseStored } from "./json.js";
import { defineScript } from "./scripts.js";

/** What the after-event message was: the survey's invitation, or the no-show text. */
export type FeedbackNotice = "survey" | "no-show";

export type FeedbackStatus = "answered" | "skipped";

/** One guest's response: the answers by question id (a skipped question is absent). */
export interface FeedbackResponse {
  /** Absent once retention has erased the link to the person. */
  userId?: number;
  status: FeedbackStatus;
  at: Date;
  language: string;
  answers: Record<string, string>;
}

// KEYS: responses, response. ARGV: user id, now (ms), then field/value pairs. One response per user.
const RECORD = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
local fields = {}
for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(fields))
return 1
`;

// KEYS: responses, anonymous, told. ARGV: response key prefix. Every response kept without its user id.
const ANONYMISE = `
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local key = ARGV[1] .. id
  local flat = redis.call('HGETALL', key)
  if #flat > 0 then
    local response = {}
    for i = 1, #flat, 2 do response[flat[i]] = flat[i + 1] end
    redis.call('RPUSH', KEYS[2], cjson.encode(response))
  end
  redis.call('DEL', key)
end
redis.call('DEL', KEYS[1], KEYS[3])
return 1
`;

const anonymousSchema = z.record(z.string(), z.string());

function toResponse(data: Record<string, string>, userId?: number): FeedbackResponse | undefined {
  if (data.status !== "answered" && data.status !== "skipped") return undefined;
  const answers: Record<string, string> = {};
  for (const [field, value] of Object.entries(data)) if (field.startsWith("q:")) answers[field.slice(2)] = value;
  return {
    ...(userId === undefined ? {} : { userId }),
    status: data.status,
    at: new Date(data.at ?? 0),
    language: data.language ?? "",
    answers,
  };
}

/** Answers to the survey after the event: one response per guest, decided in Redis. */
export function createFeedbackRepository(redis: Redis, keys: Keyspace) {
  const k = keys.feedback;
  const recordScript = defineScript(redis, "feedbackRecord", RECORD);
  const anonymiseScript = defineScript(redis, "feedbackAnonymise", ANONYMISE);

  return {
    /** True for the one caller that may send this guest their after-event message. */
    async claimNotice(userId: number, notice: FeedbackNotice): Promise<boolean> {
      return (await redis.hsetnx(k.told, String(userId), notice)) === 1;
    },

    /** A message that could not leave (not a block): the next run may send it. */
    async returnNotice(userId: number): Promise<void> {
      await redis.hdel(k.told, String(userId));
    },

    async noticeOf(userId: number): Promise<FeedbackNotice | undefined> {
      return ((await redis.hget(k.told, String(userId))) as FeedbackNotice | null) ?? undefined;
    },

    /** How many of each message were sent. */
    async noticeCounts(): Promise<Record<FeedbackNotice, number>> {
      const values = await redis.hvals(k.told);
      return { survey: values.filter((v) => v === "survey").length, "no-show": values.filter((v) => v === "no-show").length };
    },

    async hasResponded(userId: number): Promise<boolean> {
      return (await redis.zscore(k.responses, String(userId))) !== null;
    },

    /** Stores a response once; false when the guest had already answered or skipped. */
    async record(userId: number, response: Omit<FeedbackResponse, "userId">): Promise<boolean> {
      const fields = ["status", response.status, "at", response.at.toISOString(), "language", response.language];
      for (const [id, value] of Object.entries(response.answers)) fields.push(`q:${id}`, value);
      const result = await recordScript(2, k.responses, k.response(userId), String(userId), String(response.at.getTime()), ...fields);
      return result === 1;
    },

    /** Every response, the guests' first (in answer order), then the anonymous ones. */
    async all(): Promise<FeedbackResponse[]> {
      const ids = (await redis.zrange(k.responses, 0, -1)).map(Number);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(k.response(id));
      const results = ids.length ? ((await pipeline.exec()) ?? []) : [];
      const linked = results.map(([, data], i) => toResponse(data as Record<string, string>, ids[i]));
      const anonymous = (await redis.lrange(k.anonymous, 0, -1)).map((line) =>
        toResponse(parseStored(anonymousSchema, line, "anonymous feedback")),
      );
      return [...linked, ...anonymous].filter((r): r is FeedbackResponse => r !== undefined);
    },

    /** "Forget me": the guest's response and notice are deleted. */
    async forget(userId: number): Promise<void> {
      await redis.multi().zrem(k.responses, String(userId)).del(k.response(userId)).hdel(k.told, String(userId)).exec();
    },

    /** Retention: responses stay for the figures, without the user ids they came from; the notices go. */
    async anonymiseAll(): Promise<void> {
      await anonymiseScript(3, k.responses, k.anonymous, k.told, k.responsePrefix);
    },
  };
}

export type FeedbackRepository = ReturnType<typeof createFeedbackRepository>;
