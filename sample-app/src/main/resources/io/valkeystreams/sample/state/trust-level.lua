-- trust_level_updater: adds one reputation event's impact to the user's running score and derives the
-- trust level from it, at most once per event, atomically (same mark and stats protocol as apply-once.lua).
--
-- KEYS[1] mark, KEYS[2] stats, KEYS[3] scores (hash user -> score units), KEYS[4] levels (hash user -> level),
-- KEYS[5] level_counts (hash level -> users), KEYS[6] changes (list of JSON level changes, newest first)
-- ARGV[1] mark TTL seconds, ARGV[2] event ID, ARGV[3] now epoch ms, ARGV[4] user, ARGV[5] impact units,
-- ARGV[6] cap of the changes list, then pairs "level minUnits" in ascending order (the first one's minimum
-- is ignored: it takes every score below the second's).
-- Returns the user's level after the event, or nil for a redelivery.

local EXACT = 9007199254740992

if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'duplicates', 1)
  return nil
end

local user, units = ARGV[4], tonumber(ARGV[5])
local current = tonumber(redis.call('HGET', KEYS[3], user) or '0')
if not current or not units or math.abs(current + units) >= EXACT then
  return redis.error_reply('trust-level: the score of ' .. user .. ' would leave the exact range')
end

local score = redis.call('HINCRBY', KEYS[3], user, units)
local level = ARGV[7]
for j = 9, #ARGV, 2 do
  if score >= tonumber(ARGV[j + 1]) then
    level = ARGV[j]
  end
end
local previous = redis.call('HGET', KEYS[4], user)
if previous ~= level then
  redis.call('HSET', KEYS[4], user, level)
  if previous then
    redis.call('HINCRBY', KEYS[5], previous, -1)
  end
  redis.call('HINCRBY', KEYS[5], level, 1)
  redis.call('LPUSH', KEYS[6], cjson.encode({user_id = user, from = previous or 'none', to = level,
    event_id = ARGV[2], at_ms = tonumber(ARGV[3])}))
  redis.call('LTRIM', KEYS[6], 0, tonumber(ARGV[6]) - 1)
end
redis.call('SET', KEYS[1], '1', 'EX', ARGV[1])
redis.call('HINCRBY', KEYS[2], 'applied', 1)
redis.call('HSET', KEYS[2], 'last_event_id', ARGV[2], 'last_applied_ms', ARGV[3])
return level
