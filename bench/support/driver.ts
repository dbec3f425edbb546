/** The closed-loop driver: simulated users pushing updates into a bot's emulator, and what it measured. */
import { FakeBotApi, type ApiCall } from "@wealmaty/telegram-emulator";
import { TelegramUser } from "../../test/support/telegram-user.js";
import type { BotProcess } from "./bot-processes.js";
import { FLOW_USERS, IN_FLIGHT, MESSAGES, USERS } from "./settings.js";

/** One closed-loop task: a message from a returning user, or one new user's whole flow. */
export type Step = (user: TelegramUser) => Promise<unknown>;
export interface Workload {
  name: string;
  label: string;
  /** "messages": MESSAGES single updates from USERS users; "flow": FLOW_USERS new users each run `step` once. */
  shape: "messages" | "flow";
  step: Step;
}

export interface Figures {
  label: string;
  updates: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  redisPerUpdate: number;
  /** KB the bot's Redis connection sent and received per update (a form's state travels both ways on every update). */
  redisKbPerUpdate: number;
  apiCallsPerUpdate: number;
  /** The bot process's CPU time per update: what an update costs, less swayed by the shared machine than a rate. */
  cpuMsPerUpdate: number;
  /** A flow's p99 by step (its 1st, 2nd… update per user): which step makes the tail. */
  p99ByStep: number[];
}

const byValue = (a: number, b: number) => a - b;
export const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

let nextUserId = 1_000_000;

/**
 * Runs a workload with at most IN_FLIGHT updates in flight (IN_FLIGHT lanes, each waiting for its
 * update to be handled before the next); with `rate`, no update starts before its slot, spaced
 * 1/rate apart, so the bot sees a steady stream. Latency is from pushing an update to the first
 * API call that answers it (the first message to its chat; for a tap, answerCallbackQuery).
 * With `rate` and a flow's `steps`, lane i starts i mod steps turns late: the lanes are at different
 * steps of the flow, as a population of users is, instead of all sending the same step in a row.
 */
export async function drive(bot: BotProcess, workload: Workload, rate?: number, tasks?: number, steps?: number): Promise<Figures> {
  const { api } = bot;
  const pushedAt = new Map<string, { at: number; step: number }>();
  const latencies: number[] = [];
  const latenciesByStep: number[][] = [];
  /** Updates pushed so far per user: the step of a flow each update is. */
  const stepsPushed = new Map<number, number>();
  let apiCalls = 0;
  const stopListening = api.onCall((call: ApiCall) => {
    apiCalls++;
    const key = call.method === "answerCallbackQuery" ? `q:${call.payload.callback_query_id}` : `c:${call.payload.chat_id}`;
    const pushed = pushedAt.get(key);
    if (pushed !== undefined) {
      const latency = performance.now() - pushed.at;
      latencies.push(latency);
      (latenciesByStep[pushed.step] ??= []).push(latency);
      pushedAt.delete(key);
    }
  });
  const stopUpdates = api.onUpdate((update) => {
    const query = update.callback_query;
    const userId = query?.from.id ?? update.message?.from?.id ?? 0;
    const step = stepsPushed.get(userId) ?? 0;
    stepsPushed.set(userId, step + 1);
    if (query) pushedAt.set(`q:${query.id}`, { at: performance.now(), step });
    else if (update.message) pushedAt.set(`c:${update.message.chat.id}`, { at: performance.now(), step });
  });

  // Messages come from USERS returning users in turn (never two of one user in flight); each flow from new users.
  const taskCount = tasks ?? (workload.shape === "messages" ? MESSAGES : FLOW_USERS);
  const users = workload.shape === "messages" ? Array.from({ length: Math.min(USERS, taskCount) }, () => newUser(api)) : undefined;
  let slot = performance.now();
  const paced = async () => {
    if (rate === undefined) return;
    slot = Math.max(performance.now(), slot + 1000 / rate);
    const wait = slot - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };

  const before = await bot.stats();
  const updatesBefore = api.lastUpdateId;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, taskCount) }, async (_, lane) => {
      // A turn is IN_FLIGHT slots: each lane sends one update per turn.
      if (rate !== undefined && steps) await new Promise((resolve) => setTimeout(resolve, ((lane % steps) * IN_FLIGHT * 1000) / rate));
      while (next < taskCount) {
        const task = next++;
        const user = users ? users[task % users.length]! : newUser(api);
        const dispatch = user.dispatch.bind(user);
        user.dispatch = async (update) => (await paced(), dispatch(update));
        try {
          await workload.step(user);
        } catch (error) {
          // What this user saw, to tell a bot fault from a harness one.
          const transcript = api.conversation(user.id).map((m) => `${m.from}: ${(m.text ?? m.caption ?? m.kind).slice(0, 60)}`);
          throw new Error(`${workload.label}: ${(error as Error).message}\n${transcript.join("\n")}`, { cause: error });
        } finally {
          user.dispatch = dispatch;
        }
        // Kept, every finished user's chat filled the benchmark's heap, and its collections slowed the bot beside it.
        if (!users) {
          api.forgetChat(user.id);
          stepsPushed.delete(user.id);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const user of users ?? []) api.forgetChat(user.id);
  stopListening();
  stopUpdates();
  const after = await bot.stats();
  const updates = api.lastUpdateId - updatesBefore;
  const sorted = latencies.sort(byValue);
  return {
    label: workload.label,
    updates,
    seconds,
    rate: updates / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    redisPerUpdate: (after.redisCommands - before.redisCommands) / updates,
    redisKbPerUpdate: (after.redisBytes - before.redisBytes) / 1024 / updates,
    apiCallsPerUpdate: apiCalls / updates,
    cpuMsPerUpdate: (after.cpuMs - before.cpuMs) / updates,
    p99ByStep: workload.shape === "flow" ? latenciesByStep.map((step) => percentile(step.sort(byValue), 0.99)) : [],
  };
}

function newUser(api: FakeBotApi): TelegramUser {
  const id = nextUserId++;
  return new TelegramUser(api, { id, firstName: `User${id}`, languageCode: "en", timeoutMs: 120_000 });
}

// --- output ----------------------------------------------------------------------------------
