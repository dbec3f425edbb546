import type { Redis } from "ioredis";
import { createActivityRepository, createBroadcastRepository } from "./broadcasts.js";
import { createContestRepository } from "./contest.js";
import { createIdeaRepository } from "./ideas.js";
import { createIdeaUpdateRepository } from "./idea-updates.js";
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
import { createSeriesRegistry } from "./series-registry.js";
import { createFollowerRepository } from "./followers.js";

/** Every repository over one connection and one prefix: the bot's only door to Redis. */
export function createStore(redis: Redis, prefix: string) {
  const keys = keyspace(prefix);
  const chatState = createChatState(redis, keys);
  const base = {
    redis,
    keys,
    /** Webhook mode's inbox, per bot (its id from getMe): each update stored, queued per chat, handled once. */
    webhookInbox: (botId: number) => createWebhookInbox(redis, keys, botId),
    /** Long polling's inbox, per bot. */
    inbox: (botId: number) => createUpdateInbox(redis, keys, botId, chatState),
    /** Sessions and conversations, written at an update's end together with its removal from the inbox. */
    chatState,
    chatLocks: createChatLocks(redis, keys),
    flood: createFloodCounters(redis, keys, chatState),
    audit: createAuditLog(redis, keys),
    users: createUserRepository(redis, keys),
    broadcasts: createBroadcastRepository(redis, keys),
    activity: createActivityRepository(redis, keys),
    ideas: createIdeaRepository(redis, keys),
    ideaUpdates: createIdeaUpdateRepository(redis, keys),
    rsvps: createRsvpRepository(redis, keys),
    contest: createContestRepository(redis, keys),
    quiz: createQuizRepository(redis, keys),
    votes: createVoteRepository(redis, keys),
    team: createTeamRepository(redis, keys),
    feedback: createFeedbackRepository(redis, keys),
    /** Registration requests awaiting approval (rsvp.approval). */
    rsvpRequests: createRsvpRequestRepository(redis, keys),
    /** The events the series has loaded (the archive of removed ones) and its reload version. */
    seriesRegistry: createSeriesRegistry(redis, keys),
    /** Followers of the series: the notifications setting and which events were announced. */
    followers: createFollowerRepository(redis, keys),
  };
  const byEvent = new Map<string, EventStore>();
  /**
   * The store as one event sees it: the series-wide repositories, with RSVP, the contest, the quiz
   * and the reminder registry on that event's keys (`event:<id>:`). Built once per event id.
   */
  function forEvent(eventId: string): EventStore {
    let scoped = byEvent.get(eventId);
    if (!scoped) {
      const eventKeys = keyspace(prefix, keys.eventScope(eventId));
      scoped = {
        ...base,
        eventId,
        forEvent,
        keys: eventKeys,
        broadcasts: createBroadcastRepository(redis, eventKeys),
        rsvps: createRsvpRepository(redis, eventKeys),
        rsvpRequests: createRsvpRequestRepository(redis, eventKeys),
        contest: createContestRepository(redis, eventKeys),
        quiz: createQuizRepository(redis, eventKeys),
        feedback: createFeedbackRepository(redis, eventKeys),
        // Votes are keyed by their event already; the electorate "checked in" is this event's.
        votes: createVoteRepository(redis, eventKeys),
      };
      byEvent.set(eventId, scoped);
    }
    return scoped;
  }
  return { ...base, eventId: undefined as string | undefined, forEvent };
}

type BaseStore = Omit<ReturnType<typeof createStore>, "eventId" | "forEvent">;
/** One event's store (createStore(...).forEvent(id)): per-event repositories on `event:<id>:` keys. */
export interface EventStore extends BaseStore {
  /** The event whose RSVP, contest and quiz these are (undefined: the unscoped keys of before the series). */
  eventId: string | undefined;
  forEvent(eventId: string): EventStore;
}

export type Store = EventStore;
