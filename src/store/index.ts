import type { Redis } from "ioredis";
import { createActivityRepository, createBroadcastRepository } from "./broadcasts.js";
import { createContestRepository } from "./contest.js";
import { createIdeaRepository } from "./ideas.js";
import { createAuditLog } from "./audit.js";
import { createChatLocks } from "./chat-locks.js";
import { keyspace } from "./keys.js";
import { createQuizRepository } from "./quiz.js";
import { createRsvpRepository } from "./rsvps.js";
import { createChatState } from "./sessions.js";
import { createUpdateInbox } from "./updates.js";
import { createUserRepository } from "./users.js";
import { createFloodCounters } from "./flood.js";
import { createWebhookInbox } from "./webhook-updates.js";
import { createVoteRepository } from "./votes.js";
import { createTeamRepository } from "./team.js";
import { createFeedbackRepository } from "./feedback.js";
import { createRsvpRequestRepository } from "./rsvp-requests.js";

/** Every repository over one connection and one prefix: the bot's only door to Redis. */
export function createStore(redis: Redis, prefix: string) {
  const keys = keyspace(prefix);
  return {
    redis,
    keys,
    /** Webhook mode's inbox, per bot (its id from getMe): each update stored, queued per chat, handled once. */
    webhookInbox: (botId: number) => createWebhookInbox(redis, keys, botId),
    /** Long polling's inbox, per bot. */
    inbox: (botId: number) => createUpdateInbox(redis, keys, botId),
    /** Sessions and conversations, written at an update's end together with its removal from the inbox. */
    chatState: createChatState(redis, keys),
    chatLocks: createChatLocks(redis, keys),
    flood: createFloodCounters(redis, keys),
    audit: createAuditLog(redis, keys),
    users: createUserRepository(redis, keys),
    broadcasts: createBroadcastRepository(redis, keys),
    activity: createActivityRepository(redis, keys),
    ideas: createIdeaRepository(redis, keys),
    rsvps: createRsvpRepository(redis, keys),
    contest: createContestRepository(redis, keys),
    quiz: createQuizRepository(redis, keys),
    votes: createVoteRepository(redis, keys),
    team: createTeamRepository(redis, keys),
    feedback: createFeedbackRepository(redis, keys),
    /** Registration requests awaiting approval (rsvp.approval). */
    rsvpRequests: createRsvpRequestRepository(redis, keys),
  };
}

export type Store = ReturnType<typeof createStore>;
