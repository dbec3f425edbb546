import { newCode, newTicketToken } from "../../src/features/rsvp/rules.js";
import type { Store } from "../../src/store/index.js";

/**
 * A guest registered through the RSVP repository, as the form would leave them: "confirmed"
 * takes a seat; "waitlisted" is registered with every seat taken (so somebody must hold one).
 */
export async function registerGuest(
  store: Store,
  userId: number,
  options: { status: "confirmed" | "waitlisted"; now: Date; language?: string; companions?: string[] },
): Promise<void> {
  const { confirmed } = await store.rsvps.counts();
  if (options.status === "waitlisted" && confirmed === 0) throw new Error("a waitlisted guest needs a confirmed one first");
  const language = options.language ?? "en";
  const details = {
    name: `Guest ${userId}`,
    answers: { sector: "media" },
    language,
    consentAt: options.now,
    consentLanguage: language,
    companions: options.companions,
  };
  const capacity = options.status === "confirmed" ? undefined : confirmed;
  const identity = { newCode, newToken: newTicketToken };
  const { status } = await store.rsvps.register(userId, details, { now: options.now, capacity, identity });
  if (status !== options.status) throw new Error(`guest ${userId} was ${status}, not ${options.status}`);
}

/** A published idea by `authorId`, stored through the ideas repository. */
export async function proposeIdea(store: Store, authorId: number, now: Date): Promise<void> {
  const draft = {
    authorId,
    authorName: `Author ${authorId}`,
    language: "en",
    category: "bike",
    text: "A protected bike lane along Abay avenue",
  };
  const created = await store.ideas.create(draft, { now, day: "seed", dailyLimit: 100, publish: true });
  if (!created.ok) throw new Error(`idea by ${authorId} not stored`);
}

/** A contest entry by `userId`, stored through the contest repository. */
export async function enterContest(store: Store, userId: number, now: Date): Promise<void> {
  await store.contest.save(
    {
      userId,
      firstName: `Entrant ${userId}`,
      language: "en",
      link: "https://www.instagram.com/p/Seed123/",
      idea: "Shade trees",
      photoFileId: "seed",
    },
    now,
  );
}
