import type { Api } from "grammy";
import type { BotDeps, PersonalDataEraser } from "../../bot/context.js";
import type { SystemJobs } from "../../delivery/engine.js";
import { languageOf } from "../../event/language.js";
import { escapeHtml } from "../../ui/html.js";
import { ideaStatusKey } from "../../ui/labels.js";
import type { Idea } from "../../store/ideas.js";
import type { Milestone, UpdateKind } from "../../store/idea-updates.js";
import { digestDue, excerpt, ideaDay } from "./rules.js";

/** How often waiting digests are looked at (they go from DIGEST_HOUR of the next zone day). */
const DIGEST_EVERY_MS = 10 * 60_000;
const EXCERPT = 60;

type Translate = (key: string, vars?: Record<string, string | number>) => string;

const milestoneVars = (milestone: Milestone) => ({ date: milestone.date, text: escapeHtml(milestone.text) });

/** One update as its own message (HTML). */
function updateText(t: Translate, idea: Idea, kind: UpdateKind, milestones: readonly Milestone[]): string {
  const vars = { id: String(idea.id), excerpt: escapeHtml(excerpt(idea.text, EXCERPT)) };
  if (kind === "s") return t("ideas-update-status", { ...vars, status: t(ideaStatusKey(idea.status)) });
  if (kind === "a") return t("ideas-update-answer", { ...vars, answer: escapeHtml(idea.answer ?? "") });
  const milestone = milestones[Number(kind.slice(1))];
  return milestone ? t("ideas-update-milestone", { ...vars, ...milestoneVars(milestone) }) : "";
}

/**
 * Tells an idea's followers (supporters, Follow taps) and its author of a change: those not told
 * of any idea today get one message now, through the broadcast engine (paced, durable, once per
 * person); the others find it in their next daily digest.
 */
export async function announceIdeaUpdate(deps: BotDeps, idea: Idea, kind: UpdateKind): Promise<void> {
  const { store, event } = deps;
  const followers = await store.ideaUpdates.followers(idea.id);
  const people = [...new Set([...followers, ...(idea.authorId ? [idea.authorId] : [])])];
  const { seq, now } = await store.ideaUpdates.claim(idea.id, kind, ideaDay(deps.clock(), event.timezone), people);
  deps.logger.info({ idea: idea.id, update: seq, kind, now: now.length, later: people.length - now.length }, "idea update");
  if (now.length > 0) await sendUpdate(deps, seq, idea, kind, now);
}

/** The update's broadcast (its id names the update: sending again sends nothing twice); then it leaves the outbox. */
async function sendUpdate(deps: BotDeps, seq: number, idea: Idea, kind: UpdateKind, recipients: number[]): Promise<void> {
  const milestones = kind.startsWith("m") ? await deps.store.ideaUpdates.milestones(idea.id) : [];
  const texts = Object.fromEntries(
    deps.event.languages.map((language) => [language, updateText((key, vars) => deps.i18n.t(language, key, vars), idea, kind, milestones)]),
  );
  await deps.broadcasts.send({ id: `idea-${idea.id}-u${seq}`, audience: "all", recipients, texts, parseMode: "HTML" });
  await deps.store.ideaUpdates.sent(seq);
}

/** Updates a crash left between their claim and their broadcast go now (the job runs every few minutes). */
export async function repairIdeaUpdates(deps: BotDeps): Promise<number> {
  const waiting = await deps.store.ideaUpdates.outbox();
  for (const { seq, ideaId, kind, users } of waiting) {
    const idea = await deps.store.ideas.get(ideaId);
    if (idea) await sendUpdate(deps, seq, idea, kind, users);
    else await deps.store.ideaUpdates.sent(seq);
  }
  return waiting.length;
}

/** One person's digest: each idea once, with what changed since their last message. */
async function digestText(deps: BotDeps, language: string, updates: string): Promise<string | undefined> {
  const t: Translate = (key, vars) => deps.i18n.t(language, key, vars);
  const changes = new Map<number, Set<string>>();
  for (const update of updates.split(",")) {
    const [id, kind] = update.split(":");
    if (!id || !kind) continue;
    const set = changes.get(Number(id)) ?? new Set<string>();
    changes.set(Number(id), set.add(kind));
  }
  const ideas = await deps.store.ideas.getMany([...changes.keys()]);
  const details = await deps.store.ideaUpdates.details(ideas.map((idea) => idea.id));
  const blocks = ideas.map((idea) => {
    const lines = [t("ideas-digest-idea", { id: String(idea.id), excerpt: escapeHtml(excerpt(idea.text, EXCERPT)) })];
    const kinds = changes.get(idea.id)!;
    if (kinds.has("s")) lines.push(t("ideas-digest-status", { status: t(ideaStatusKey(idea.status)) }));
    if (kinds.has("a") && idea.answer) lines.push(t("ideas-digest-answer", { answer: escapeHtml(excerpt(idea.answer, 300)) }));
    const milestones = details.get(idea.id)?.milestones ?? [];
    for (const kind of kinds) {
      const milestone = kind.startsWith("m") ? milestones[Number(kind.slice(1))] : undefined;
      if (milestone) lines.push(t("ideas-digest-milestone", milestoneVars(milestone)));
    }
    return lines.join("\n");
  });
  if (blocks.length === 0) return undefined;
  return [t("ideas-digest-title"), ...blocks].join("\n\n").slice(0, 4000);
}

/**
 * Sends each waiting digest whose day has come, once per person per day: the broadcast's id names
 * the person and the day, so a run repeated after a crash sends nothing twice.
 */
export async function sendIdeaDigests(deps: BotDeps): Promise<number> {
  const { store, event } = deps;
  const now = deps.clock();
  const today = ideaDay(now, event.timezone);
  let sent = 0;
  for (const { userId, updates, lastDay } of await store.ideaUpdates.pendingDigests()) {
    if (!digestDue(now, event.timezone, lastDay)) continue;
    const language = languageOf(event, (await store.users.find(userId))?.language);
    const text = await digestText(deps, language, updates);
    if (text) {
      await deps.broadcasts.send({
        id: `idea-digest-${userId}-${today}`,
        audience: "all",
        recipients: [userId],
        texts: text,
        parseMode: "HTML",
      });
      sent++;
    }
    await store.ideaUpdates.commitDigest(userId, updates, today);
  }
  return sent;
}

/** The digest job: every process registers it; one runs it at a time. */
export async function scheduleIdeaJobs(engine: SystemJobs, deps: BotDeps): Promise<void> {
  if (await deps.store.ideaUpdates.followEarlierSupportsOnce()) deps.logger.info("earlier supports of ideas now follow them");
  await engine.repeatSystemJob("idea-digests", DIGEST_EVERY_MS, async (_api: Api) => {
    await repairIdeaUpdates(deps);
    await sendIdeaDigests(deps);
  });
}

/** "Forget me" and retention erase follows and waiting digests (the ideas' own data: src/store/ideas.ts). */
export const ideasPersonalData: PersonalDataEraser = {
  forget: (deps, _api, userId) => deps.store.ideaUpdates.forgetUser(userId),
  eraseAll: (deps) => deps.store.ideaUpdates.eraseAll(),
  // Ideas are the series': their followers are erased with the rest of the series' data.
  seriesWide: true,
};
