/**
 * The Redis key layout. Every key lives under the configured prefix (REDIS_PREFIX), so several
 * bots, the preview and test runs share one Redis without meeting.
 *
 * Series and events: the keys of RSVP (rsvp:*), the contest (contest:*), the quiz (quiz:*), the
 * after-event feedback (feedback:*) and the reminder registry (broadcasts:reminders) are per event: they live under `event:<event id>:`
 * (e.g. `event:wealmaty-forum-2017:rsvp:guests`; createStore(...).forEvent(id)). Every other key is
 * series-wide. Keys written before the series existed (no `event:<id>:`) are moved under one event
 * at start-up by src/store/migrate.ts, which records it in `migrated:unscoped` (string, never expires:
 * the event id they went to).
 *
 * | key                         | type   | what                                              | expires |
 * | --------------------------- | ------ | ------------------------------------------------- | ------- |
 * | session:<chat id>           | string | grammY session (language choice); written when changed or twice a day | 30 d |
 * | conversation:<chat id>      | string | @grammyjs/conversations replay state; both written at the update's end | 24 h |
 * | update:<bot id>:<update id> | string | "done" (or "dropped" after 5 failures): a webhook update handled, repeats skipped | 24 h |
 * | updates:inbox:<bot id>      | hash   | polled update id → its JSON until handled; "last" → "<id>:<ms>" of the newest stored | never |
 * | webhook:updates:<bot id>    | hash   | update id → JSON of a webhook update not yet handled; "<id>:tries" → failures | never |
 * | webhook:pending:<bot id>:<chat id> | zset | ids of the chat's unhandled webhook updates, score = id (handled in order) | never |
 * | webhook:chats:<bot id>      | set    | chats with webhook updates waiting (each instance sweeps up those nobody holds) | never |
 * | lock:chat:<chat id>         | string | token of the instance handling the chat (webhooks); renewed every 2 s while it works | 6 s |
 * | audit                       | list   | organisers' actions, newest first (5,000 kept); the people named are erasable | never |
 * | ratelimit:<user id>         | string | flood limit counter (src/store/flood.ts)         | 2 s     |
 * | flood-notice:<user id>      | string | the flood notice was sent                         | 60 s    |
 * | user:<user id>              | hash   | a user who started the bot: name, language, dates, consents (retention erases names) | never |
 * | users                       | zset   | user ids by first contact time                    | never   |
 * | idea:seq                    | string | last idea number given out (INCR)                 | never   |
 * | idea:<id>                   | hash   | an idea: author, category, text, photo, pin, status, answer | never |
 * | idea:<id>:supporters        | set    | user ids supporting the idea (one each)           | never   |
 * | ideas                       | zset   | every idea id by creation time                    | never   |
 * | ideas:public:<category>     | zset   | visible idea ids by creation time (browse newest) | never   |
 * | ideas:top:<category>        | zset   | visible idea ids by supports (browse top)         | never   |
 * | ideas:by:<user id>          | zset   | a user's idea ids by creation time (My ideas)     | never   |
 * | ideas:authors               | set    | user ids who sent an idea (broadcast audience)    | never   |
 * | ideas:daily:<user id>:<day> | string | ideas sent that day (event zone), for the limit   | 48 h    |
 * | idea:<id>:followers         | set    | user ids told of its updates (supporters, Follow taps; the author is told anyway) | never |
 * | idea:<id>:follow-taps       | set    | followers who tapped Follow (withdrawing a support does not unfollow them) | never |
 * | idea:<id>:milestones        | list   | JSON {date: YYYY-MM-DD, text, at} of the idea's milestones, oldest first | never |
 * | idea-updates:seq            | string | last idea update number (INCR): names the update's broadcast | never |
 * | idea-updates:last           | hash   | user id → zone day of their latest idea-update message (one a day) | never |
 * | idea-updates:pending        | hash   | user id → "<idea>:<s|a|m<n>>,…" updates kept for their next daily digest | never |
 * | idea-updates:outbox        | hash   | update number → "<idea>:<kind>|<user ids>" until its broadcast exists (crash repair) | never |
 * | idea-updates:since          | string | ms when earlier supports became follows (SET NX: done once) | never   |
 * | rsvp:guest:<user id>        | hash   | a registration: name, answers ("q:<id>", below), status, code, ticket, times, check-in | never |
 * | rsvp:status:<status>        | zset   | user ids by status time (confirmed, waitlisted: queue, cancelled, pending, declined) | never |
 * | rsvp:status:confirmed:seats | string | seats taken (people confirmed): moved by the seat scripts, recounted by the repair | never |
 * | rsvp:guests                 | zset   | every registered user id by first registration time | never |
 * | rsvp:code:<CODE>            | string | personal code → user id (/checkin CODE)           | never   |
 * | rsvp:token:<token>          | string | ticket token (QR deep link) → user id             | never   |
 * | rsvp:checkedin              | zset   | checked-in user ids by check-in time              | never   |
 * | rsvp:alerts                 | hash   | capacity alerts already sent (80, 100) → time     | never   |
 * | rsvp:untold                 | zset   | promoted guests not yet told their seat is theirs, by promotion time | never |
 * | rsvp:cards:<user id>        | hash   | a request's cards: organiser chat id → message id (edited once decided) | never |
 * | contest:entry:<user id>     | hash   | a contest entry: link, idea, photo file id, name, language, times | never |
 * | contest:entries             | zset   | entrant user ids by first submission time (broadcast audience) | never |
 * | contest:scores:<user id>    | hash   | an entry's jury scores: "<juror id>:<criterion id>" → 1..5 | never |
 * | contest:shortlist           | set    | entrant ids the jury shortlisted                  | never   |
 * | contest:winner-draft:<admin id> | string | JSON winner + runners-up being chosen with /winner | 24 h |
 * | contest:announcement        | string | JSON of the winner announcement an admin confirmed (SET NX: chosen once) | never |
 * | contest:announced           | string | ISO time its broadcast was created (SET NX, after the send) | never |
 * | quiz:state                  | hash   | live quiz: status (open/ended), current question, openedUs (Redis TIME, µs) | never |
 * | quiz:players                | set    | user ids the quiz was sent to (fixed at start)    | never   |
 * | quiz:answers:<question>     | hash   | user id → "<option>:<ms after opening by Redis TIME>" (HSETNX in Lua: first wins) | never |
 * | quiz:told                   | hash   | player id → ISO time told their place or that it is over (written after the send) | never |
 * | quiz:telling                | string | lease of the process telling the winners right now (its token) | 2 min |
 * | feedback:told               | hash   | user id → "survey" / "no-show": after-event message claimed before sending (HSETNX) | never |
 * | feedback:responses          | zset   | user ids who answered or skipped the survey, by time (one response each, Lua) | never |
 * | feedback:response:<user id> | hash   | a response: status (answered/skipped), at, language, q:<question id> → value | never |
 * | feedback:anonymous          | list   | JSON responses without their user id (retention moves them here) | never |
 * | broadcast:<id>              | hash   | a broadcast/reminder: spec JSON, status, due time, counters, progress message | never |
 * | broadcast:<id>:ledger       | hash   | chat id → sent/failed/blocked (HSETNX: one outcome each) | 60 d |
 * | broadcasts                  | zset   | the 50 newest broadcast ids by due time (/broadcasts) | never |
 * | broadcasts:pause            | string | set while Telegram's 429 retry_after lasts (all processes wait) | retry_after |
 * | broadcasts:next-slot       | string | ms (Redis clock) of the next free send slot: the pace shared by every process | 60 s |
 * | broadcasts:refused-chats   | zset   | chat id → ms of its latest 429 (one chat = its own limit, several = global) | retry_after |
 * | broadcasts:reminders        | hash   | event-file reminder id → content hash it is scheduled with | never |
 * | users:inactive              | set    | user ids who blocked the bot (skipped until they unblock it or send /start) | never |
 * | vote:<event>:seq           | string | last vote number given out in the event (INCR)     | never   |
 * | vote:<event>:open          | string | number of the event's open vote (SET NX: one open at a time) | never |
 * | vote:<event>:all           | zset   | the event's vote numbers by start time (forget me, retention) | never |
 * | vote:<event>:<n>           | hash   | a vote: shortlist, votes per person, who, results mode, closes, status, creator | never |
 * | vote:<event>:<n>:tally     | hash   | idea id → votes (only the toggle script and forget me on an open vote change it) | never |
 * | vote:<event>:<n>:eligible  | set    | user ids who may vote, fixed at the start (those sent the ballot) | never |
 * | vote:<event>:<n>:ballot:<user id> | set | the idea ids that user chose (erased by forget me and retention) | never |
 * | vote:<event>:<n>:voters    | set    | user ids with at least one choice (get the results) | never |
 * | vote:<event>:<n>:csv       | hash   | organiser id → ms the results CSV reached them (written after the send) | never |
 * | team:roles                  | hash   | user id → role from /team (organiser, staff, juror); series-wide, read per role check | never |
 * | team:member:<user id>       | hash   | member's Telegram name (admins see it), inviter, time; "forget me" deletes it | never |
 * | team:invite:<token>         | hash   | an invite link: role, uses left, expiresAt (ms; 24 h), by (admin id) | 25 h |
 * | migrated:unscoped           | string | the event id the pre-series (unscoped) per-event keys were moved under | never |
 * | migrate:lock                | string | SET NX while one instance moves them (src/store/migrate.ts) | 5 min |
 * | series:events               | hash   | event id → JSON {data: its file as last loaded, archivedAt?: when found removed} | never |
 * | series:version              | string | raised by each /reload that succeeds; every instance polls it to reload too | never |
 * | followers:muted             | set    | user ids who turned notifications off (/notifications); "forget me" removes them | never |
 * | followers:announced:<event id> | string | "known" (there before announcements began) or "sent" (announce-<id> exists) | never |
 * | followers:baseline          | string | ISO time of the first start with announcements (events then present: known) | never |
 * | bull:*                      | (BullMQ) | broadcast queues: deliveries, control (BullMQ prefix = REDIS_PREFIX + "bull") | by BullMQ |
 *
 * Registration answers: one field per question of the event file (`rsvp.questions`), "q:<question
 * id>" → a choice's option id, a multi's option ids joined by ",", "yes"/"no", a number, or the text,
 * e-mail or E.164 phone typed. Registrations stored before the questions came from the event file
 * hold `sector`, `organisation` and `phone` or `email` instead: they are read (never rewritten) as
 * the answers "sector", "organisation" and "contact", the ids of the same questions in the bundled
 * file; the next change of details stores them as "q:" fields and drops the old ones (rsvps.ts).
 *
 * Groups (rsvp.plusOnes): "party" is the number of people (the guest and companions; absent = 1),
 * "companions" a JSON array of their names, "arrived" how many the door let in. Seats, the waiting
 * list and the checked-in counter count people. Approval (rsvp.approval): "decidedAt", "decidedBy",
 * "decidedByName" (the organiser who decided, shown on the others' cards) and "declineReason"
 * ("preset:<id>" or the organiser's own words).
 */
export function keyspace(prefix: string, scope = prefix) {
  return {
    /** REDIS_PREFIX itself (the migration scans under it). */
    prefix,
    sessionPrefix: `${prefix}session:`,
    conversationPrefix: `${prefix}conversation:`,
    /** Telegram numbers updates per bot: another bot on the same prefix must not meet these. */
    update: (botId: number, updateId: number) => `${prefix}update:${botId}:${updateId}`,
    updateInbox: (botId: number) => `${prefix}updates:inbox:${botId}`,
    webhookUpdates: (botId: number) => `${prefix}webhook:updates:${botId}`,
    webhookPending: (botId: number, chatKey: string) => `${prefix}webhook:pending:${botId}:${chatKey}`,
    webhookChats: (botId: number) => `${prefix}webhook:chats:${botId}`,
    chatLock: (chatKey: string) => `${prefix}lock:chat:${chatKey}`,
    rateLimitPrefix: `${prefix}ratelimit:`,
    audit: `${prefix}audit`,
    floodNotice: (userId: number) => `${prefix}flood-notice:${userId}`,
    user: (userId: number) => `${prefix}user:${userId}`,
    users: `${prefix}users`,
    broadcast: (id: string) => `${prefix}broadcast:${id}`,
    broadcastLedger: (id: string) => `${prefix}broadcast:${id}:ledger`,
    /** SCAN pattern of every broadcast's ledger (forgetting a recipient, retention). */
    broadcastLedgers: `${prefix}broadcast:*:ledger`,
    broadcasts: `${prefix}broadcasts`,
    broadcastPause: `${prefix}broadcasts:pause`,
    broadcastNextSlot: `${prefix}broadcasts:next-slot`,
    broadcastRefusedChats: `${prefix}broadcasts:refused-chats`,
    reminderRegistry: `${scope}broadcasts:reminders`,
    inactiveUsers: `${prefix}users:inactive`,
    /** The event the pre-series per-event keys were moved under, and the lock of that move. */
    migratedUnscoped: `${prefix}migrated:unscoped`,
    migrateLock: `${prefix}migrate:lock`,
    /** The series' events as last loaded (archived ones kept) and the version /reload raises. */
    seriesEvents: `${prefix}series:events`,
    seriesVersion: `${prefix}series:version`,
    followersMuted: `${prefix}followers:muted`,
    followersAnnounced: (eventId: string) => `${prefix}followers:announced:${eventId}`,
    followersBaseline: `${prefix}followers:baseline`,
    /** The prefix of one event's keys (the scope of its rsvp, contest, quiz and reminder keys). */
    eventScope: (eventId: string) => `${prefix}event:${eventId}:`,
    /** BullMQ's own `prefix` option (it adds ":" itself). */
    bullPrefix: `${prefix}bull`,
    rsvp: {
      guest: (userId: number) => `${scope}rsvp:guest:${userId}`,
      guestPrefix: `${scope}rsvp:guest:`,
      status: (status: "confirmed" | "waitlisted" | "cancelled" | "pending" | "declined") => `${scope}rsvp:status:${status}`,
      /** Built in Lua from the confirmed set's key (SEAT_HELPERS' seatsKey): read here by tests only. */
      seatsTaken: `${scope}rsvp:status:confirmed:seats`,
      guests: `${scope}rsvp:guests`,
      code: (code: string) => `${scope}rsvp:code:${code}`,
      token: (token: string) => `${scope}rsvp:token:${token}`,
      checkedIn: `${scope}rsvp:checkedin`,
      alerts: `${scope}rsvp:alerts`,
      untold: `${scope}rsvp:untold`,
      cards: (userId: number) => `${scope}rsvp:cards:${userId}`,
    },
    ideaSeq: `${prefix}idea:seq`,
    idea: (ideaId: number) => `${prefix}idea:${ideaId}`,
    ideaSupporters: (ideaId: number) => `${prefix}idea:${ideaId}:supporters`,
    ideas: `${prefix}ideas`,
    ideasPublic: (category: string) => `${prefix}ideas:public:${category}`,
    ideasTop: (category: string) => `${prefix}ideas:top:${category}`,
    ideasBy: (userId: number) => `${prefix}ideas:by:${userId}`,
    ideaAuthors: `${prefix}ideas:authors`,
    ideasDaily: (userId: number, day: string) => `${prefix}ideas:daily:${userId}:${day}`,
    /** SCAN pattern of a user's daily counters (every user's when no id is given). */
    ideasDailyOf: (userId?: number) => `${prefix}ideas:daily:${userId ?? "*"}:*`,
    ideaFollowers: (ideaId: number) => `${prefix}idea:${ideaId}:followers`,
    ideaFollowTaps: (ideaId: number) => `${prefix}idea:${ideaId}:follow-taps`,
    ideaMilestones: (ideaId: number) => `${prefix}idea:${ideaId}:milestones`,
    ideaUpdateSeq: `${prefix}idea-updates:seq`,
    ideaUpdatesLast: `${prefix}idea-updates:last`,
    ideaUpdatesPending: `${prefix}idea-updates:pending`,
    ideaFollowsSince: `${prefix}idea-updates:since`,
    ideaUpdatesOutbox: `${prefix}idea-updates:outbox`,
    contest: {
      entry: (userId: number) => `${scope}contest:entry:${userId}`,
      entries: `${scope}contest:entries`,
      scores: (entrantId: number) => `${scope}contest:scores:${entrantId}`,
      shortlist: `${scope}contest:shortlist`,
      winnerDraft: (adminId: number) => `${scope}contest:winner-draft:${adminId}`,
      /** SCAN pattern of every admin's draft. */
      winnerDrafts: `${scope}contest:winner-draft:*`,
      announcement: `${scope}contest:announcement`,
      announced: `${scope}contest:announced`,
    },
    feedback: {
      told: `${scope}feedback:told`,
      responses: `${scope}feedback:responses`,
      response: (userId: number) => `${scope}feedback:response:${userId}`,
      responsePrefix: `${scope}feedback:response:`,
      anonymous: `${scope}feedback:anonymous`,
    },
    quiz: {
      state: `${scope}quiz:state`,
      players: `${scope}quiz:players`,
      answers: (question: number) => `${scope}quiz:answers:${question}`,
      told: `${scope}quiz:told`,
      telling: `${scope}quiz:telling`,
    },
    vote: {
      seq: (eventId: string) => `${prefix}vote:${eventId}:seq`,
      open: (eventId: string) => `${prefix}vote:${eventId}:open`,
      all: (eventId: string) => `${prefix}vote:${eventId}:all`,
      meta: (eventId: string, n: number) => `${prefix}vote:${eventId}:${n}`,
      tally: (eventId: string, n: number) => `${prefix}vote:${eventId}:${n}:tally`,
      eligible: (eventId: string, n: number) => `${prefix}vote:${eventId}:${n}:eligible`,
      ballot: (eventId: string, n: number, userId: number) => `${prefix}vote:${eventId}:${n}:ballot:${userId}`,
      /** SCAN pattern of every ballot of a vote (retention). */
      ballots: (eventId: string, n: number) => `${prefix}vote:${eventId}:${n}:ballot:*`,
      voters: (eventId: string, n: number) => `${prefix}vote:${eventId}:${n}:voters`,
      csv: (eventId: string, n: number) => `${prefix}vote:${eventId}:${n}:csv`,
    },
    team: {
      roles: `${prefix}team:roles`,
      member: (userId: number) => `${prefix}team:member:${userId}`,
      invite: (token: string) => `${prefix}team:invite:${token}`,
    },
  };
}

export type Keyspace = ReturnType<typeof keyspace>;
