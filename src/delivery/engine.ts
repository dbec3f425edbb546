import { Api, InlineKeyboard } from "grammy";
import { DelayedError, Worker, type Job } from "bullmq";
import type { I18n } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { BotContext } from "../bot/context.js";
import { botApiClient, dropEmptyRows } from "../bot/http.js";
import type { EventInfo } from "../event/load.js";
import { parseDuration } from "../event/time.js";
import type { Store } from "../store/index.js";
import type { RedisConfig } from "../store/redis.js";
import type { BroadcastRecord } from "../store/broadcasts.js";
import { activeOf, resolveAudience } from "./audiences.js";
import { languageOf } from "../event/language.js";
import { stopBroadcastData } from "./callback-data.js";
import { sendBroadcastMessage, sendVenuePin } from "./message.js";
import { classifySendError, isGlobalFloodWait, progressFigures, sendSlotMs } from "./pacing.js";
import { connectQueues, deliveryJobId, fanoutJobId, type ControlJob, type DeliveryJob, type Queues } from "./queue.js";
import { progressText } from "./report.js";
import type { Audience, BroadcastInput, BroadcastProgress, Broadcaster, BroadcastSpec } from "./types.js";

const REPORT_EVERY_MS = 3_000;
const ENQUEUE_CHUNK = 500;
/** The pin follows its text to the same chat a little over a second later: Telegram limits each chat to about one a second. */
const VENUE_AFTER_TEXT_MS = 1_100;
/** Slots taken again at most this often when 429 pauses keep moving them. */
const SLOT_TRIES = 5;
/** A send may leave this late after its slot; the slots' 7% headroom (see sendSlotMs) must also absorb the request's own delays. */
const SLOT_LATENESS_MS = 25;

/** "vote-close.wealmaty.3" → "vote-close": the family whose handler runs a job or resolves a list. */
const familyOf = (name: string) => name.split(".")[0]!;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EngineOptions {
  /** Where BullMQ connects (the same Redis as the store's). */
  redis: RedisConfig;
  token: string;
  apiRoot?: string;
  /** Messages per second across every process. */
  rate: number;
  store: Store;
  /** The default event: a broadcast without an `eventId` (stored before the series) is its. */
  event: EventInfo;
  /** The event of a broadcast and its store (its audiences, venue pin and labels); default: `event` and `store`. */
  eventOf?: (eventId: string | undefined) => { event: EventInfo; store: Store };
  logger: Logger;
  clock: () => Date;
  i18n: I18n<BotContext>;
  /** Parallel sends per process (bounded by the rate anyway); also the most a crash can duplicate. */
  concurrency?: number;
}

/** A job other features run once at a moment (e.g. RSVP re-confirmation), in whichever process is free. */
export type SystemJobHandler = (api: Api) => Promise<void>;

/** Runs the jobs of one family ("<family>.<args>"): `name` says which. */
export type SystemJobFamilyHandler = (api: Api, name: string) => Promise<void>;

/** The recipients of a feature's list (spec.list, "<family>.<args>"), given the list's name. */
export type RecipientList = (name: string) => Promise<number[]>;

/** Where features register their jobs at wiring time (the engine runs them; it imports no feature). */
export type SystemJobs = Pick<BroadcastEngine, "scheduleSystemJob" | "repeatSystemJob">;

/** Where a feature registers the jobs and recipient lists it creates at run time (wiring time, every process). */
export type FeatureJobs = Pick<BroadcastEngine, "onSystemJobs" | "registerList">;

export interface BroadcastEngine {
  broadcaster: Broadcaster;
  /** The raw API broadcasts go through (no auto-retry: the queue waits out 429s, not a request). */
  api: Api;
  queues: Queues;
  /** Starts the workers; call once per process. */
  start(): Promise<void>;
  /** Puts a fan-out job on the queue (reminders use it with their content hash). */
  enqueueFanout(broadcastId: string, hash: string, at: Date): Promise<void>;
  /** Runs `handler` once at `at` in one of the bot's processes (name must be stable across restarts). */
  scheduleSystemJob(name: string, at: Date, handler: SystemJobHandler): Promise<void>;
  /** Runs `handler` every `everyMs` (and once at start-up) in one of the bot's processes at a time. */
  repeatSystemJob(name: string, everyMs: number, handler: SystemJobHandler): Promise<void>;
  /** Handles every system job named "<family>.<args>" (scheduled at run time with broadcaster.scheduleJob). */
  onSystemJobs(family: string, handler: SystemJobFamilyHandler): void;
  /** Resolves broadcasts whose spec.list is "<family>.<args>". */
  registerList(family: string, list: RecipientList): void;
  /** Stops taking jobs and waits for the ones in progress. */
  close(): Promise<void>;
}

export function createBroadcastEngine(options: EngineOptions): BroadcastEngine {
  const { store, event, logger, clock, i18n } = options;
  const eventOf = options.eventOf ?? (() => ({ event, store }));
  const repo = store.broadcasts;
  // A separate API instance: sends never share the flows' auto-retry (which would hold a request during a 429).
  const api = new Api(options.token, botApiClient(options.apiRoot));
  api.config.use(dropEmptyRows);
  const log = logger.child({ module: "broadcasts" });
  const queues = connectQueues(options.redis, store.keys.bullPrefix, (error) => log.warn({ err: error }, "broadcast queue redis error"));
  const systemHandlers = new Map<string, SystemJobHandler>();
  const jobFamilies = new Map<string, SystemJobFamilyHandler>();
  const lists = new Map<string, RecipientList>();
  const specs = new Map<string, BroadcastSpec>();
  const slotMs = sendSlotMs(options.rate);
  let workers: Worker[] = [];

  async function specOf(id: string): Promise<BroadcastSpec | undefined> {
    const cached = specs.get(id);
    if (cached) return cached;
    const record = await repo.find(id);
    if (!record) return undefined;
    const spec = record.spec;
    if (specs.size > 100) specs.clear();
    specs.set(id, spec);
    return spec;
  }

  async function reportLanguage(userId: number): Promise<string> {
    return languageOf(event, (await store.users.find(userId))?.language);
  }

  /** Edits the organiser's progress message (or sends the final report when it has none). */
  async function report(id: string, final: boolean): Promise<void> {
    const record = await repo.find(id);
    if (!record) return;
    const spec = record.spec;
    if (spec.createdBy === undefined) {
      if (final)
        log.info(
          { broadcast: id, sent: record.sent, failed: record.failed, blocked: record.blocked, status: record.status },
          "broadcast finished",
        );
      return;
    }
    const language = spec.reportLanguage ?? (await reportLanguage(spec.createdBy));
    const figures = progressFigures(record, await repo.startedAt(id), clock());
    const text = progressText(i18n, language, record, figures, final);
    const markup = final ? undefined : new InlineKeyboard().text(i18n.t(language, "broadcast-stop-button"), stopBroadcastData.pack({ id }));
    try {
      if (record.reportChat !== undefined && record.reportMessage !== undefined) {
        await api.editMessageText(record.reportChat, record.reportMessage, text, { parse_mode: "HTML", reply_markup: markup });
      } else {
        const message = await api.sendMessage(spec.createdBy, text, { parse_mode: "HTML", reply_markup: markup });
        await repo.setReport(id, spec.createdBy, message.message_id);
      }
    } catch (error) {
      // "message is not modified" and the like: the next report will try again.
      log.debug({ err: error, broadcast: id }, "progress report not updated");
    }
  }

  /**
   * Waits for this send's slot in the pace shared by every process. A slot overslept (a busy
   * process) or overtaken by a 429 pause is given up for a new one: sent late, it would crowd the next.
   */
  async function waitForSendSlot(): Promise<void> {
    for (let tries = 0; tries < SLOT_TRIES; tries++) {
      const { waitMs } = await repo.reserveSendSlot(slotMs);
      const due = Date.now() + waitMs;
      if (waitMs > 0) await sleep(waitMs);
      if (Date.now() - due > SLOT_LATENESS_MS) continue;
      if ((await repo.pauseLeft()) <= 0) return;
    }
  }

  async function afterRecord(id: string, flags: { finished: boolean; report: boolean }): Promise<void> {
    if (flags.finished) await report(id, true);
    else if (flags.report) await report(id, false);
  }

  /** One message to one chat, with the ledger check before and the outcome recorded after. */
  async function deliver(job: Job<DeliveryJob>, token?: string): Promise<string> {
    const { broadcastId: id, chatId, language, part } = job.data;
    const field = part === "venue" ? `venue:${chatId}` : String(chatId);
    const before = await repo.beforeSend(id, field);
    // A pin may still follow its text after the last text finished the broadcast.
    const open = before.status === "sending" || (part === "venue" && before.status === "done");
    if (!open) return "not-sending";
    const spec = await specOf(id);
    if (!spec) return "unknown";
    if (before.outcome !== undefined) {
      // Already handled (a replayed or duplicated job); make sure the pin that follows exists.
      if (part !== "venue" && before.outcome === "sent" && spec.venue) await enqueueVenue(job.data);
      return "duplicate";
    }
    await waitForSendSlot();
    try {
      const { event: itsEvent } = eventOf(spec.eventId);
      if (part === "venue") await sendVenuePin(api, chatId, language, itsEvent);
      else await sendBroadcastMessage(api, chatId, spec, language, itsEvent);
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.kind === "rate-limited") {
        const refused = await repo.noteRefusedChat(chatId, failure.retryAfterMs, Date.now());
        if (isGlobalFloodWait(refused)) {
          // Telegram's global flood wait: every process's next slot comes after it.
          log.warn({ retryAfterMs: failure.retryAfterMs }, "429 from Telegram: pausing broadcasts");
          await repo.pause(failure.retryAfterMs);
        }
        // This message waits out the retry_after; for one chat's own limit the queue goes on meanwhile.
        await job.moveToDelayed(Date.now() + failure.retryAfterMs, token);
        throw new DelayedError();
      }
      if (part === "venue") {
        if (failure.kind === "transient" && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
        await repo.recordExtra(id, field, "failed");
        return "venue-failed";
      }
      if (failure.kind === "blocked") {
        await store.activity.markInactive(chatId);
        await afterRecord(id, await repo.record(id, chatId, "blocked", clock(), REPORT_EVERY_MS));
        return "blocked";
      }
      if (failure.kind === "transient" && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      log.warn({ err: error, broadcast: id, chat: chatId }, "broadcast message failed");
      await afterRecord(id, await repo.record(id, chatId, "failed", clock(), REPORT_EVERY_MS));
      return "failed";
    }
    if (part === "venue") {
      await repo.recordExtra(id, field, "sent");
      return "sent";
    }
    const flags = await repo.record(id, chatId, "sent", clock(), REPORT_EVERY_MS);
    if (spec.venue) await enqueueVenue(job.data);
    await afterRecord(id, flags);
    return "sent";
  }

  async function enqueueVenue(data: DeliveryJob): Promise<void> {
    const jobId = deliveryJobId(data.broadcastId, data.chatId, "venue");
    await queues.deliveries.add("venue", { ...data, part: "venue" }, { jobId, delay: VENUE_AFTER_TEXT_MS });
  }

  /** A broadcast fires: evaluate the audience now and queue one job per recipient. */
  async function fanout(id: string, hash: string): Promise<string> {
    const record = await repo.find(id);
    if (!record || record.hash !== hash) return "stale";
    if (record.status !== "scheduled" && record.status !== "sending") return record.status;
    const spec = record.spec;
    specs.set(id, spec);
    const now = clock();
    const its = eventOf(spec.eventId);
    if (record.status === "scheduled" && spec.kind === "reminder") {
      const lateMs = now.getTime() - record.at.getTime();
      if (lateMs > parseDuration(its.event.reminderGrace)) {
        await repo.finishedAs(id, "skipped", now);
        log.warn({ reminder: id, due: record.at.toISOString(), lateMs }, "reminder missed its grace period: skipped");
        return "skipped";
      }
    }
    const recipients = spec.list
      ? await listed(spec.list)
      : spec.recipients
        ? await activeOf(its.store, spec.recipients)
        : await resolveAudience(its.store, spec.audience);
    const languages = await repo.languagesOf(recipients);
    if (!(await repo.start(id, recipients.length, now))) return "cancelled";
    if (spec.createdBy !== undefined && record.reportMessage === undefined) await report(id, false);
    for (let i = 0; i < recipients.length; i += ENQUEUE_CHUNK) {
      if ((await repo.status(id)) !== "sending") return "cancelled";
      await queues.deliveries.addBulk(
        recipients.slice(i, i + ENQUEUE_CHUNK).map((chatId, j) => ({
          name: "message",
          data: { broadcastId: id, chatId, language: languages[i + j] || its.event.defaultLanguage },
          opts: { jobId: deliveryJobId(id, chatId) },
        })),
      );
    }
    // An empty audience (or a re-run after everything was sent) finishes here.
    await afterRecord(id, await repo.record(id, undefined, "sent", clock(), REPORT_EVERY_MS));
    log.info({ broadcast: id, recipients: recipients.length }, "broadcast queued");
    return "queued";
  }

  async function control(job: Job<ControlJob>): Promise<string> {
    const data = job.data;
    if (data.kind === "fanout") return fanout(data.broadcastId, data.hash);
    const handler = systemHandlers.get(data.name);
    const family = jobFamilies.get(familyOf(data.name));
    // Registered at start-up before the workers run; if not (yet), retry rather than lose the job.
    if (!handler && !family) throw new Error(`no handler for system job ${data.name}`);
    if (handler) await handler(api);
    else await family!(api, data.name);
    return "done";
  }

  /** Drops the queued jobs of a cancelled broadcast, so they don't use up the rate. */
  async function dropQueued(id: string): Promise<void> {
    const prefixes = [`d-${id}-`, `v-${id}-`];
    const page = 1000;
    const mine: string[] = [];
    // Collect first, then remove: removing while paging would shift the pages.
    for (let start = 0; start < 1_000_000; start += page) {
      const jobs = await queues.deliveries.getJobs(["waiting", "prioritized", "delayed"], start, start + page - 1);
      for (const job of jobs) if (job?.id && prefixes.some((prefix) => job.id!.startsWith(prefix))) mine.push(job.id);
      if (jobs.length < page) break;
    }
    for (let i = 0; i < mine.length; i += 100) {
      await Promise.all(mine.slice(i, i + 100).map((jobId) => queues.deliveries.remove(jobId).catch(() => undefined)));
    }
  }

  /** A feature's recipient list, resolved when the broadcast fires (registered at start-up; else retried). */
  async function listed(name: string): Promise<number[]> {
    const list = lists.get(familyOf(name));
    if (!list) throw new Error(`no recipient list for ${name}`);
    return activeOf(store, await list(name));
  }

  async function addSystemJob(name: string, at: Date): Promise<void> {
    const delay = Math.max(0, at.getTime() - clock().getTime());
    await queues.control.add("system", { kind: "system", name }, { jobId: `s-${name}-${at.getTime()}`, delay });
  }

  async function enqueueFanout(broadcastId: string, hash: string, at: Date): Promise<void> {
    const delay = Math.max(0, at.getTime() - clock().getTime());
    await queues.control.add("fanout", { kind: "fanout", broadcastId, hash }, { jobId: fanoutJobId(broadcastId, hash), delay });
  }

  async function create(input: BroadcastInput, at: Date): Promise<boolean> {
    const spec: BroadcastSpec = { ...input, kind: "broadcast" };
    if (!(await repo.create({ id: input.id, spec, at, now: clock() }))) {
      // The id is taken: nothing new is sent, but a fan-out a crash kept from being queued is queued now (its job id dedupes).
      const existing = await repo.find(input.id);
      if (existing?.status === "scheduled") await enqueueFanout(input.id, existing.hash, existing.at);
      return false;
    }
    await enqueueFanout(input.id, "", at);
    return true;
  }

  function toProgress(record: BroadcastRecord, startedAt: Date | undefined): BroadcastProgress {
    const figures = progressFigures(record, startedAt, clock());
    return {
      id: record.id,
      status: record.status,
      at: record.at,
      audience: record.spec.audience,
      total: record.total,
      sent: record.sent,
      failed: record.failed,
      blocked: record.blocked,
      remaining: figures.remaining,
      rate: figures.rate,
      etaSeconds: figures.etaSeconds,
    };
  }

  const broadcaster: Broadcaster = {
    send: (input) => create(input, clock()),
    schedule: (input, at) => create(input, at),
    async cancel(id) {
      const record = await repo.find(id);
      if (!record) return false;
      if (!(await repo.transition(id, "cancelled", ["scheduled", "sending"]))) return false;
      await queues.control.remove(fanoutJobId(id, record.hash)).catch(() => undefined);
      if (record.status === "sending") {
        void dropQueued(id).catch((error) => log.warn({ err: error, broadcast: id }, "could not drop queued jobs"));
        await report(id, true);
      }
      return true;
    },
    async progress(id) {
      const record = await repo.find(id);
      return record ? toProgress(record, await repo.startedAt(id)) : undefined;
    },
    async countAudience(audience: Audience, eventId?: string) {
      return (await resolveAudience(eventOf(eventId).store, audience)).length;
    },
    async replaceTexts(id, texts) {
      const record = await repo.find(id);
      if (!record) return false;
      specs.delete(id);
      return repo.replaceSpec(id, { ...record.spec, texts });
    },
    async attachReport(id, chatId, messageId) {
      await repo.setReport(id, chatId, messageId);
    },
    scheduleJob: addSystemJob,
  };

  return {
    broadcaster,
    api,
    queues,
    enqueueFanout,
    async start() {
      // Jobs in hand hold the next slots: enough to keep the pace with calls of ~150 ms, few enough that a 429 finds little in flight.
      const concurrency = options.concurrency ?? Math.min(50, Math.max(6, Math.ceil(options.rate / 6)));
      const deliveries = queues.deliveryWorker(deliver, { concurrency });
      const controls = queues.controlWorker(control);
      for (const worker of [deliveries, controls]) {
        worker.on("failed", (job, error) => log.warn({ err: error, job: job?.id }, "broadcast job failed"));
        worker.on("error", (error) => log.warn({ err: error }, "broadcast worker error"));
      }
      workers = [deliveries, controls];
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },
    async scheduleSystemJob(name, at, handler) {
      systemHandlers.set(name, handler);
      await addSystemJob(name, at);
    },
    onSystemJobs(family, handler) {
      jobFamilies.set(family, handler);
    },
    registerList(family, list) {
      lists.set(family, list);
    },
    async repeatSystemJob(name, everyMs, handler) {
      systemHandlers.set(name, handler);
      // One scheduler per name, shared by every process (upserting it again changes nothing); runs are not kept.
      await queues.control.upsertJobScheduler(
        `s-${name}`,
        { every: everyMs },
        { name: "system", data: { kind: "system", name }, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
    },
  };
}
