/**
 * The Redis key layout. Every key lives under the configured prefix (REDIS_PREFIX), so several
 * bots, the preview and test runs share one Redis without meeting.
 *
 * | key                         | type   | what                                              | expires |
 * | --------------------------- | ------ | ------------------------------------------------- | ------- |
 * | session:<chat id>           | string | grammY session (language choice)                  | 30 d    |
 * | conversation:<chat id>      | string | @grammyjs/conversations replay state              | 24 h    |
 * | update:<update id>          | string | update handled marker, to de-duplicate replays    | 24 h    |
 * | user:<user id>              | hash   | a user who started the bot: name, language, dates | never   |
 * | users                       | zset   | user ids by first contact time                    | never   |
 */
export function keyspace(prefix: string) {
  return {
    sessionPrefix: `${prefix}session:`,
    conversationPrefix: `${prefix}conversation:`,
    update: (updateId: number) => `${prefix}update:${updateId}`,
    user: (userId: number) => `${prefix}user:${userId}`,
    users: `${prefix}users`,
  };
}

export type Keyspace = ReturnType<typeof keyspace>;
