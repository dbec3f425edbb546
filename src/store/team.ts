import type { Redis } from "ioredis";
import type { Keyspace } from "./keys.js";
import { defineScript } from "./scripts.js";

/** The roles an invite link can give (admins come from the event file and ADMIN_IDS only). */
export const TEAM_ROLES = ["organiser", "staff", "juror"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  userId: number;
  role: TeamRole;
  /** Telegram's name when the member joined (shown to admins only; "forget me" removes the whole membership). */
  name: string;
  grantedBy: number;
  grantedAt: Date;
}

export interface TeamInvite {
  role: TeamRole;
  uses: number;
  expiresAt: Date;
}

export type Redemption =
  | { result: "granted"; role: TeamRole; createdBy: number }
  | { result: "already"; role: TeamRole }
  | { result: "expired" | "used" | "unknown" };

/** An invite lives 24 h; its key expires a little later, so the expiry read is the one in the record (the clock passed in). */
export const INVITE_TTL_MS = 24 * 60 * 60_000;
const INVITE_KEY_GRACE_SECONDS = 60 * 60;

/**
 * KEYS: invite, roles hash, member hash. ARGV: user id, now (ms), name.
 * One grant per use, even when several people open a single-use link at once.
 */
const REDEEM = `
local invite = redis.call('HMGET', KEYS[1], 'role', 'uses', 'expiresAt', 'by')
local role, uses, expiresAt, by = invite[1], tonumber(invite[2]), tonumber(invite[3]), invite[4]
if not role then return {'unknown'} end
if redis.call('HGET', KEYS[2], ARGV[1]) == role then return {'already', role} end
if expiresAt <= tonumber(ARGV[2]) then return {'expired'} end
if uses <= 0 then return {'used'} end
if uses == 1 then
  redis.call('HSET', KEYS[1], 'uses', 0)
else
  redis.call('HINCRBY', KEYS[1], 'uses', -1)
end
redis.call('HSET', KEYS[2], ARGV[1], role)
redis.call('DEL', KEYS[3])
redis.call('HSET', KEYS[3], 'name', ARGV[3], 'grantedBy', by, 'grantedAt', ARGV[2])
return {'granted', role, by}
`;

/** The door team and the other roles given by /team: series-wide, not per event. */
export function createTeamRepository(redis: Redis, keys: Keyspace) {
  const k = keys.team;
  const redeemScript = defineScript(redis, "teamRedeem", REDEEM);
  const isRole = (value: string | null | undefined): value is TeamRole => TEAM_ROLES.includes(value as TeamRole);

  return {
    /** The one read behind every role check. */
    async roleOf(userId: number): Promise<TeamRole | undefined> {
      const role = await redis.hget(k.roles, String(userId));
      return isRole(role) ? role : undefined;
    },

    async createInvite(token: string, invite: { role: TeamRole; uses: number; createdBy: number }, now: Date): Promise<TeamInvite> {
      const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
      await redis
        .multi()
        .hset(k.invite(token), { role: invite.role, uses: invite.uses, expiresAt: expiresAt.getTime(), by: invite.createdBy })
        .pexpire(k.invite(token), INVITE_TTL_MS + INVITE_KEY_GRACE_SECONDS * 1000)
        .exec();
      return { role: invite.role, uses: invite.uses, expiresAt };
    },

    /** Opening an invite link: grants its role and takes one use, atomically. */
    async redeem(token: string, userId: number, name: string, now: Date): Promise<Redemption> {
      const [result, role, by] = (await redeemScript(
        3,
        k.invite(token),
        k.roles,
        k.member(userId),
        userId,
        now.getTime(),
        name,
      )) as string[];
      if (result === "granted" && isRole(role)) return { result, role, createdBy: Number(by) };
      if (result === "already" && isRole(role)) return { result, role };
      return { result: result === "expired" || result === "used" ? result : "unknown" };
    },

    /** Every member, in no particular order (the caller sorts). */
    async members(): Promise<TeamMember[]> {
      const roles = await redis.hgetall(k.roles);
      const ids = Object.keys(roles);
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(k.member(Number(id)));
      const details = ((await pipeline.exec()) ?? []).map(([, value]) => (value ?? {}) as Record<string, string>);
      return ids.flatMap((id, i) => {
        const role = roles[id];
        if (!isRole(role)) return [];
        const detail = details[i] ?? {};
        return [
          {
            userId: Number(id),
            role,
            name: detail.name ?? "",
            grantedBy: Number(detail.grantedBy ?? 0),
            grantedAt: new Date(Number(detail.grantedAt ?? 0)),
          },
        ];
      });
    },

    /** Takes the role away; true when there was one. */
    async revoke(userId: number): Promise<TeamRole | undefined> {
      const [[, role]] = (await redis.multi().hget(k.roles, String(userId)).hdel(k.roles, String(userId)).del(k.member(userId)).exec()) as [
        [unknown, string | null],
      ];
      return isRole(role) ? role : undefined;
    },

    /** "Forget me": the whole membership goes (role and name); an admin can invite the person again. */
    async forget(userId: number): Promise<void> {
      await redis.multi().hdel(k.roles, String(userId)).del(k.member(userId)).exec();
    },
  };
}

export type TeamRepository = ReturnType<typeof createTeamRepository>;
