import type { TeamRole } from "../../src/store/team.js";
import type { TestBot } from "./harness.js";

/** Gives a role through the store, as an accepted /team invite from `createdBy` would. */
export async function grantRole(bot: TestBot, userId: number, role: TeamRole, invite: { name: string; createdBy: number }): Promise<void> {
  const token = `invite-${role}-${userId}`.padEnd(22, "x").slice(0, 22);
  const { team } = bot.running.deps.store;
  await team.createInvite(token, { role, uses: 1, createdBy: invite.createdBy }, bot.clock.now());
  const { result } = await team.redeem(token, userId, invite.name, bot.clock.now());
  if (result !== "granted") throw new Error(`the ${role} invite for ${userId} was not granted: ${result}`);
}
