import { z } from "zod";

/** Interface languages the bot ships Fluent files for. */
export const SUPPORTED_LANGUAGES = ["ru", "kk", "en"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Whether a code (stored, or asked for in a URL) is one of the languages the bot ships. */
export const isSupportedLanguage = (code: string | undefined): code is Language =>
  (SUPPORTED_LANGUAGES as readonly unknown[]).includes(code);

const language = z.enum(SUPPORTED_LANGUAGES);

/** The longest text in one language that a screen shows whole, with its lines around it, in one message (4,096 characters). */
const MAX_TEXT = 3_000;

/** A text is one string for every language, or a map per language; `max` characters at most in each. */
function localizedText(max = Infinity) {
  const one = z
    .string()
    .min(1)
    .refine((value) => value.length <= max, {
      error: (issue) => `${String(issue.input).length} characters: a screen shows ${max} at most in one message; shorten it`,
    });
  return z.union(
    [
      one,
      z.partialRecord(language, one).refine((map) => Object.keys(map).length > 0, {
        message: "expected at least one language",
      }),
    ],
    {
      error: (issue) => (issue.input === undefined ? "required" : "expected a text, or a map of texts per language (ru, kk, en)"),
    },
  );
}
const text = localizedText(MAX_TEXT);
/** A text the bot shows in pages (the concept, the speakers): any length. */
const pagedText = localizedText();
export type LocalizedText = z.infer<typeof text>;

/** Ids are keys in storage, button data and exports: each may appear once in its list. */
function reportRepeatedIds(items: readonly { id: string }[], what: string, issues: z.RefinementCtx, path: (string | number)[] = []) {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id)) issues.addIssue({ code: "custom", message: `${what} id "${item.id}" is used twice`, path: [...path, i, "id"] });
    seen.add(item.id);
  }
}

/** Wall-clock time in the event's zone, e.g. 2017-11-30T09:00. */
const wallClock = z
  .string({ error: (issue) => (issue.input === undefined ? "required: a wall-clock time YYYY-MM-DDTHH:mm" : undefined) })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "expected wall-clock time YYYY-MM-DDTHH:mm");

/** A duration before the start: 48h, 90m, 2d. */
export const durationPattern = /^(\d+)\s*(m|h|d)$/;
const duration = z.string().regex(durationPattern, "expected a duration like 90m, 24h or 2d");

const isIanaZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
};

const venue = z.strictObject({
  name: text,
  address: text,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

const programmeItem = z.strictObject({
  /** HH:mm, or YYYY-MM-DDTHH:mm to name the day in an event of several days. */
  time: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}T)?([01]\d|2[0-3]):[0-5]\d$/, "expected HH:mm, or YYYY-MM-DDTHH:mm for a day of an event of several days")
    .optional(),
  title: text,
  details: text.optional(),
});

const organiser = z.strictObject({
  name: text,
  role: text.optional(),
  description: text.optional(),
  url: z.url().optional(),
});

const contact = z.strictObject({
  name: text,
  role: text.optional(),
  phones: z.array(z.string().min(3)).default([]),
  email: z.email().optional(),
});

const link = z.strictObject({ label: text, url: z.url() });

export const QUESTION_TYPES = ["text", "choice", "multi", "yes_no", "number", "email", "phone"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const questionId = z.string().regex(/^[a-z0-9_-]{1,24}$/, "expected a short id of a-z, 0-9, _ or -");

/** A registration question of the event file; the name and the consent are built in, every other question is one of these. */
const rsvpQuestion = z
  .strictObject({
    /** Stable key of the answer (storage, export); keep it once people have answered. */
    id: questionId,
    type: z.enum(QUESTION_TYPES),
    /** The question as asked; also the summary's line and the CSV column's header. */
    label: text,
    /** How to answer, shown under the label in the form only (e.g. an example of a phone number). */
    hint: text.optional(),
    /** choice and multi: the options, as buttons. */
    options: z.array(z.strictObject({ id: questionId, label: text })).optional(),
    /** false: the question gets a Skip button. */
    required: z.boolean().default(true),
    /** number: true takes whole numbers only (a count of people), refusing 2.5. */
    whole: z.boolean().optional(),
    /** text: length in characters; number: the value; multi: how many options are picked. */
    min: z.number().min(0).optional(),
    max: z.number().positive().optional(),
  })
  .superRefine((q, issues) => {
    const choosing = q.type === "choice" || q.type === "multi";
    if (choosing && (q.options?.length ?? 0) === 0)
      issues.addIssue({ code: "custom", message: `a ${q.type} question needs options`, path: ["options"] });
    if (!choosing && q.options !== undefined)
      issues.addIssue({ code: "custom", message: "only choice and multi questions have options", path: ["options"] });
    reportRepeatedIds(q.options ?? [], "option", issues, ["options"]);
    if (q.whole !== undefined && q.type !== "number")
      issues.addIssue({ code: "custom", message: "only number questions take `whole`", path: ["whole"] });
    const bounded = q.type === "text" || q.type === "number" || q.type === "multi";
    for (const key of ["min", "max"] as const) {
      if (q[key] === undefined) continue;
      if (!bounded) issues.addIssue({ code: "custom", message: "only text, number and multi questions take min and max", path: [key] });
      else if (q.type !== "number" && !Number.isInteger(q[key]))
        issues.addIssue({ code: "custom", message: "expected a whole number", path: [key] });
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      issues.addIssue({ code: "custom", message: "`min` must not exceed `max`", path: ["min"] });
  });
export type RsvpQuestion = z.infer<typeof rsvpQuestion>;

const rsvpQuestions = z
  .array(rsvpQuestion)
  .default([])
  .superRefine((questions, issues) => reportRepeatedIds(questions, "question", issues));

const rsvp = z
  .strictObject({
    /** Absent: registration closes when the event starts. */
    deadline: wallClock.optional(),
    /** Absent means unlimited. */
    capacity: z.number().int().positive().optional(),
    /** Consent to the processing of personal data; absent = a generic text naming the first organiser. */
    consent: z.strictObject({ text, controller: text }).optional(),
    /** Ask confirmed guests "Still coming?" `before` the start; unanswered asks free the seat after `grace`. */
    reconfirm: z.strictObject({ before: duration, grace: duration }).optional(),
    /** The form's questions after the name, in order (README, The event file). */
    questions: rsvpQuestions,
    /** Registrations wait for an organiser's Approve or Decline (README, Registration). */
    approval: z.boolean().default(false),
    /** How many people a guest may bring (0 = nobody); each takes a seat. */
    plusOnes: z.number().int().min(0).max(10).default(0),
  })
  .superRefine((r, issues) => {
    // A party larger than the hall would wait forever at the head of the waiting list, and everyone behind it.
    if (r.capacity !== undefined && r.plusOnes > 0 && r.plusOnes + 1 > r.capacity)
      issues.addIssue({
        code: "custom",
        message: `a guest and ${r.plusOnes} companions take ${r.plusOnes + 1} seats, more than the capacity (${r.capacity})`,
        path: ["plusOnes"],
      });
  });

const contestCriterion = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,16}$/, "expected a short id of a-z, 0-9, _ or -"),
  name: text,
});

const contest = z.strictObject({
  title: text,
  rules: text,
  prize: text,
  deadline: wallClock,
  hashtags: z.array(z.string().regex(/^#\S+$/, "expected a hashtag starting with #")).min(1),
  /** A second, smaller contest run at the event itself (the live quiz). */
  interactive: text.optional(),
  /** The question for the entry's text; without it, an idea for the city is asked (a photo contest asks of the photo). */
  entryQuestion: text.optional(),
  /** Hosts an entry link may point to (https only; the bot never opens the links itself). */
  allowedHosts: z
    .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "expected a host name like instagram.com"))
    .min(1)
    .default(["instagram.com", "www.instagram.com", "facebook.com", "www.facebook.com", "fb.com", "www.fb.com", "m.facebook.com"]),
  /** What the jury scores, 1–5 each. */
  criteria: z
    .array(contestCriterion)
    .min(1)
    .superRefine((criteria, issues) => reportRepeatedIds(criteria, "criterion", issues))
    .default([
      { id: "idea", name: { ru: "Качество идеи", kk: "Идеяның сапасы", en: "Quality of the idea" } },
      { id: "photo", name: { ru: "Креативность фото", kk: "Фотосуреттің шығармашылығы", en: "Creativity of the photo" } },
    ]),
  /** Telegram user ids of jurors besides the admins: they see and score entries. */
  jurors: z.array(z.number().int().positive()).default([]),
});

const quizQuestion = z
  .strictObject({
    text,
    options: z.array(text).min(2).max(8),
    /** Index (from 0) of the right option. */
    answer: z.number().int().min(0),
  })
  .refine((q) => q.answer < q.options.length, { message: "`answer` must be the index of one of the options", path: ["answer"] });

/** The live quiz run at the event. */
const quiz = z.strictObject({
  audience: z.enum(["confirmed", "all"]).default("confirmed"),
  /** How many winners the leaderboard names. */
  top: z.number().int().positive().default(3),
  /** What the winners get, told to them at the end. */
  prize: text.optional(),
  questions: z.array(quizQuestion).min(1).max(50),
});

const ideaCategory = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,24}$/, "expected a short id of a-z, 0-9, _ or -"),
  name: text,
});

/** A latitude/longitude box around the city: map pins outside it are refused. */
const bounds = z
  .strictObject({
    south: z.number().min(-90).max(90),
    west: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
  })
  .refine((b) => b.south < b.north && b.west < b.east, { message: "expected south < north and west < east" });

const ideas = z.strictObject({
  categories: z
    .array(ideaCategory)
    .min(1)
    .superRefine((categories, issues) => reportRepeatedIds(categories, "category", issues)),
  /** Without bounds any map pin is accepted. */
  bounds: bounds.optional(),
  /** Ideas one user may send per day (in the event's zone). */
  dailyLimit: z.number().int().positive().default(5),
  /** false: ideas are published at once, without an organiser's review. */
  moderation: z.boolean().default(true),
  /** A group chat of organisers that gets ideas to review; absent: each admin in private. */
  moderationChat: z.number().int().optional(),
});

export const reminderAudiences = [
  "all",
  "confirmed",
  "waitlisted",
  "not_registered",
  "contest_entrants",
  "idea_authors",
  "checked_in",
  "no_show",
  "followers",
] as const;

const reminder = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, "expected a short id of a-z, 0-9, _ or -"),
    at: wallClock.optional(),
    before: duration.optional(),
    audience: z.enum(reminderAudiences),
    text,
    /** Attach the venue pin to the reminder. */
    venue: z.boolean().default(false),
  })
  .refine((r) => (r.at === undefined) !== (r.before === undefined), {
    message: "give exactly one of `at` or `before`",
  });

const feedbackQuestion = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]{1,24}$/, "expected a short id of a-z, 0-9, _ or -"),
  /** rating: 1–5; nps: 0–10 "would you recommend"; text: free text. */
  type: z.enum(["rating", "nps", "text"]),
  label: text,
  required: z.boolean().default(true),
});

/** The survey after the event: checked-in guests get `questions` at ends + `after`, confirmed no-shows `noShow`. */
const feedback = z.strictObject({
  after: duration.default("2h"),
  questions: z
    .array(feedbackQuestion)
    .min(1, "expected at least one question")
    .max(20)
    .superRefine((questions, issues) => reportRepeatedIds(questions, "question", issues)),
  /** Absent: a generic "sorry we missed you" from the locale files. */
  noShow: text.optional(),
});

/** Personal data of the event: kept until `ends` + retainFor, then erased by the retention job. */
const privacy = z.strictObject({ retainFor: duration.default("90d") });

export const eventSchema = z
  .strictObject({
    /** Stable id: used in calendar UIDs and storage, never shown. */
    id: z.string().regex(/^[a-z0-9-]{2,60}$/, "expected an id of a-z, 0-9 and -"),
    timezone: z.string().refine(isIanaZone, { message: "expected an IANA time zone like Asia/Almaty" }),
    /** The first language is the default and the fallback for texts. */
    languages: z
      .array(language)
      .min(1)
      .refine((languages) => new Set(languages).size === languages.length, { message: "a language is listed twice" }),
    title: text,
    summary: text,
    starts: wallClock,
    ends: wallClock,
    venue,
    /** The idea behind the event (the green corridor for the bundled forum). */
    concept: z.strictObject({ title: text, text: pagedText }).optional(),
    programme: z.array(programmeItem).default([]),
    speakers: pagedText.optional(),
    organisers: z.array(organiser).default([]),
    contacts: z.array(contact).default([]),
    links: z.array(link).default([]),
    rsvp,
    contest: contest.optional(),
    quiz: quiz.optional(),
    ideas: ideas.optional(),
    // A reminder is sent once per id: a second one with the same id would never go out.
    reminders: z
      .array(reminder)
      .default([])
      .superRefine((reminders, issues) => reportRepeatedIds(reminders, "reminder", issues)),
    feedback: feedback.optional(),
    /** A reminder missed while the bot was down is still sent this late; later ones are skipped. */
    reminderGrace: duration.default("2h"),
    /** Followers of the series: the nudge 72 hours before to those not registered (on unless `nudge: false`). */
    announce: z.strictObject({ nudge: z.boolean().default(true) }).default({ nudge: true }),
    privacy: privacy.default({ retainFor: "90d" }),
    admins: z.array(z.number().int().positive()).default([]),
  })
  .refine((e) => e.starts < e.ends, { message: "`ends` must be after `starts`", path: ["ends"] })
  .superRefine((e, issues) => {
    // Registering for an event that is over would hand out a ticket for nothing (the strings compare as times).
    if (e.rsvp.deadline !== undefined && e.rsvp.deadline > e.ends)
      issues.addIssue({ code: "custom", message: "registration must close by `ends`", path: ["rsvp", "deadline"] });
    // A reminder to this event's contest entrants with no contest section would always reach nobody.
    for (const [i, each] of e.reminders.entries()) {
      if (each.audience === "contest_entrants" && !e.contest)
        issues.addIssue({
          code: "custom",
          message: "contest_entrants needs a `contest` section in this file",
          path: ["reminders", i, "audience"],
        });
    }
  });

export type EventFile = z.infer<typeof eventSchema>;
export type Venue = EventFile["venue"];
export type Reminder = EventFile["reminders"][number];
export type ContestSettings = NonNullable<EventFile["contest"]>;
export type QuizSettings = NonNullable<EventFile["quiz"]>;
export type FeedbackSettings = NonNullable<EventFile["feedback"]>;
export type FeedbackQuestion = FeedbackSettings["questions"][number];
