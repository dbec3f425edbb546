import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";

export type QuizStatus = "open" | "ended";

export interface QuizState {
  status: QuizStatus;
  /** Index of the question currently open (from 0). */
  question: number;
  /** When it opened, by Redis' clock. */
  openedAt: Date;
}

export type AnswerOutcome = "recorded" | "duplicate" | "closed" | "not-player";

export interface RecordedAnswer {
  option: number;
  elapsedMs: number;
}

/**
 * The time by Redis' clock in microseconds, as an exact decimal string: every bot process times
 * answers against the same clock, whatever its own says.
 */
const REDIS_NOW_US = `
local function now_us()
  local t = redis.call('TIME')
  return t[1] .. string.format('%06d', tonumber(t[2]))
end`;

/** Starts the quiz once: fails if a quiz already ran under this event. */
const START = `${REDIS_NOW_US}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'open', 'question', 0, 'openedUs', now_us())
for i = 1, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
return 1`;

/** Opens question from+1 only if question \`from\` is the open one: a double tap moves once. */
const ADVANCE = `${REDIS_NOW_US}
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 0 end
if redis.call('HGET', KEYS[1], 'question') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'question', tonumber(ARGV[1]) + 1, 'openedUs', now_us())
return 1`;

/** Ends the quiz once (answers close); true for the one caller that ended it. */
const END = `
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'ended', 'endedAt', ARGV[1])
return 1`;

/**
 * Records an answer atomically: only for the question that is open right now, only the first
 * answer of each player (HSETNX), with the time since the question opened in ms (to the µs).
 * Returns 1 recorded, 0 duplicate, -1 closed, -2 not a player.
 */
const ANSWER = `${REDIS_NOW_US}
if redis.call('SISMEMBER', KEYS[3], ARGV[2]) == 0 then return -2 end
local state = redis.call('HMGET', KEYS[1], 'status', 'question', 'openedUs')
if state[1] ~= 'open' or state[2] ~= ARGV[1] then return -1 end
local elapsed = math.max(0, tonumber(now_us()) - tonumber(state[3]))
return redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3] .. ':' .. string.format('%.3f', elapsed / 1000))`;

const RELEASE_LEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** The live quiz: one run per event, answers written atomically by Lua scripts. */
export function createQuizRepository(redis: Redis, keys: Keyspace) {
  const advanceScript = defineScript(redis, "quizAdvance", ADVANCE);
  const answerScript = defineScript(redis, "quizAnswer", ANSWER);
  const endScript = defineScript(redis, "quizEnd", END);
  const releaseLeaseScript = defineScript(redis, "quizReleaseLease", RELEASE_LEASE);
  const startScript = defineScript(redis, "quizStart", START);
  const k = keys.quiz;

  return {
    async state(): Promise<QuizState | undefined> {
      const data = await redis.hgetall(k.state);
      if (!data.status) return undefined;
      return { status: data.status as QuizStatus, question: Number(data.question), openedAt: new Date(Number(data.openedUs) / 1000) };
    },

    /** Opens question 0 for these players (timed by Redis' clock); false if a quiz already ran. */
    async start(playerIds: readonly number[]): Promise<boolean> {
      return (await startScript(2, k.state, k.players, ...playerIds.map(String))) === 1;
    },

    async advance(from: number): Promise<boolean> {
      return (await advanceScript(1, k.state, String(from))) === 1;
    },

    async end(now: Date): Promise<boolean> {
      return (await endScript(1, k.state, String(now.getTime()))) === 1;
    },

    /** Times the answer by Redis' clock, not the caller's: instances with skewed clocks rank alike. */
    async recordAnswer(question: number, userId: number, option: number): Promise<AnswerOutcome> {
      const result = await answerScript(3, k.state, k.answers(question), k.players, String(question), String(userId), String(option));
      return result === 1 ? "recorded" : result === 0 ? "duplicate" : result === -2 ? "not-player" : "closed";
    },

    async answerOf(question: number, userId: number): Promise<RecordedAnswer | undefined> {
      const raw = await redis.hget(k.answers(question), String(userId));
      return raw ? parseAnswer(raw) : undefined;
    },

    /** Every answer, question by question. */
    async answers(questionCount: number): Promise<Array<Map<number, RecordedAnswer>>> {
      const pipeline = redis.pipeline();
      for (let q = 0; q < questionCount; q++) pipeline.hgetall(k.answers(q));
      const results = questionCount ? ((await pipeline.exec()) ?? []) : [];
      return results.map(
        ([, data]) =>
          new Map(Object.entries((data as Record<string, string>) ?? {}).map(([userId, raw]) => [Number(userId), parseAnswer(raw)])),
      );
    },

    async playerIds(): Promise<number[]> {
      return (await redis.smembers(k.players)).map(Number);
    },

    async isPlayer(userId: number): Promise<boolean> {
      return (await redis.sismember(k.players, String(userId))) === 1;
    },

    /** Players already told their place (winners) or that the quiz is over (the others). */
    async toldIds(): Promise<Set<number>> {
      return new Set((await redis.hkeys(k.told)).map(Number));
    },

    /** Written after the message went out, so a failed or cut-short one is sent by the next /quiz end. */
    async markTold(userId: number, now: Date): Promise<void> {
      await redis.hsetnx(k.told, String(userId), now.toISOString());
    },

    /**
     * Runs `work` while holding the telling lease; false if another process holds it. The lease
     * expires, so a process that died while telling never blocks the next /quiz end for long.
     */
    async whileTelling(leaseMs: number, work: () => Promise<void>): Promise<boolean> {
      const token = randomUUID();
      if ((await redis.set(k.telling, token, "PX", leaseMs, "NX")) !== "OK") return false;
      try {
        await work();
      } finally {
        await releaseLeaseScript(1, k.telling, token);
      }
      return true;
    },

    /** Deletes a user's answers ("forget me"). */
    async forget(userId: number, questionCount: number): Promise<void> {
      const multi = redis.multi().srem(k.players, String(userId)).hdel(k.told, String(userId));
      for (let q = 0; q < questionCount; q++) multi.hdel(k.answers(q), String(userId));
      await multi.exec();
    },
  };
}

function parseAnswer(raw: string): RecordedAnswer {
  const [option, elapsed] = raw.split(":");
  return { option: Number(option), elapsedMs: Number(elapsed) };
}

export type QuizRepository = ReturnType<typeof createQuizRepository>;
