import { callbackData, int, oneOf, userId } from "../../ui/callback-data.js";
import { TEAM_ROLES } from "../../store/team.js";

/** How many people one invite link may let in: single use, or up to N. */
export const INVITE_USES = [1, 5, 20] as const;

/** The /team screen's buttons (admins only, checked again at each tap). */
export const teamData = {
  home: callbackData("team:home"),
  invite: callbackData("team:inv", { role: oneOf(TEAM_ROLES) }),
  create: callbackData("team:new", { role: oneOf(TEAM_ROLES), uses: int(100) }),
  revoke: callbackData("team:rv", { member: userId }),
  revokeConfirmed: callbackData("team:rvy", { member: userId }),
};
