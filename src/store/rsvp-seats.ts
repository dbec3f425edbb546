// Lua helpers shared by the seat scripts. Seats count people: a registration takes its `party`
// (the guest and their companions). The seats taken are kept in a counter next to the confirmed set
// (keys.ts: rsvp.seatsTaken); every change of the confirmed set or of a confirmed party moves it, so
// deciding a seat reads one key, not every guest. Where it is missing (data from before it, or the
// seat repair recounting) it is added up from every guest once. promote() gives free seats to the
// waitlist in its order: the first group waiting is promoted only when the whole group fits, and
// nobody behind it jumps the queue (a smaller group waits too), so the order stays fair; each
// promoted guest is noted in the "not told yet" set.
export const SEAT_HELPERS = `
local function partyOf(guestPrefix, id)
  return tonumber(redis.call('HGET', guestPrefix .. id, 'party') or '1') or 1
end
local function seatsKey(confirmed)
  return confirmed .. ':seats'
end
local function seatsTaken(confirmed, guestPrefix)
  local known = redis.call('GET', seatsKey(confirmed))
  if known then return tonumber(known) end
  local total = 0
  for _, id in ipairs(redis.call('ZRANGE', confirmed, 0, -1)) do total = total + partyOf(guestPrefix, id) end
  redis.call('SET', seatsKey(confirmed), total)
  return total
end
local function moveSeats(confirmed, delta)
  if delta ~= 0 and redis.call('EXISTS', seatsKey(confirmed)) == 1 then redis.call('INCRBY', seatsKey(confirmed), delta) end
end
local function addConfirmed(confirmed, guestPrefix, id, nowMs)
  if redis.call('ZADD', confirmed, nowMs, id) == 1 then moveSeats(confirmed, partyOf(guestPrefix, id)) end
end
-- Before the guest's record is gone: its party is read from it.
local function removeConfirmed(confirmed, guestPrefix, id)
  local party = partyOf(guestPrefix, id)
  if redis.call('ZREM', confirmed, id) == 1 then moveSeats(confirmed, -party) end
end
local function promote(confirmed, waitlisted, untold, guestPrefix, nowMs, nowIso, capacity)
  local promoted = {}
  -- Nobody waiting: nothing to decide.
  if redis.call('ZCARD', waitlisted) == 0 then return promoted end
  local taken = seatsTaken(confirmed, guestPrefix)
  while true do
    local id = redis.call('ZRANGE', waitlisted, 0, 0)[1]
    if not id then break end
    local party = partyOf(guestPrefix, id)
    if capacity ~= 0 and taken + party > capacity then break end
    taken = taken + party
    redis.call('ZREM', waitlisted, id)
    addConfirmed(confirmed, guestPrefix, id, nowMs)
    redis.call('HSET', guestPrefix .. id, 'status', 'confirmed', 'confirmedAt', nowIso, 'promotedAt', nowIso, 'updatedAt', nowIso)
    redis.call('ZADD', untold, nowMs, id)
    promoted[#promoted + 1] = id
  end
  return promoted
end
-- A new guest (or an approved request) takes seats if the whole party fits and nobody waits, else joins the waitlist.
local function seatOrWait(guest, confirmed, waitlisted, guestPrefix, id, nowMs, nowIso, capacity)
  if capacity == 0 or (redis.call('ZCARD', waitlisted) == 0 and seatsTaken(confirmed, guestPrefix) + partyOf(guestPrefix, id) <= capacity) then
    addConfirmed(confirmed, guestPrefix, id, nowMs)
    redis.call('HSET', guest, 'confirmedAt', nowIso)
    return 'confirmed'
  end
  redis.call('ZADD', waitlisted, nowMs, id)
  redis.call('HSET', guest, 'waitlistedAt', nowIso)
  return 'waitlisted'
end
local function withPromoted(first, promoted)
  local result = {first}
  for _, id in ipairs(promoted) do result[#result + 1] = id end
  return result
end
`;
