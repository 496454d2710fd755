-- Applies one event's effects to one state space at most once, atomically.
--
-- KEYS[1]    the event's mark: set (with a TTL) in the same step as the effects
-- KEYS[2]    the space's stats hash: applied, duplicates, last_event_id, last_applied_ms
-- KEYS[3..]  the keys the effects write
-- Every key carries the space's hash tag, so the script runs on a Valkey Cluster too.
--
-- ARGV[1] mark TTL in seconds, ARGV[2] event ID, ARGV[3] now in epoch ms, then the effects, each
-- "OP keyIndex arg…": HINCRBY field n | HSET field value | HMAX field number | ZINCRBY n member |
-- LPUSHCAP value cap | SADD member.
--
-- Scripts are not rolled back on error, so everything that could fail is checked before the first
-- write: the script either applies every effect and sets the mark, or writes nothing.
-- Returns 1 when applied, 0 when the event had been applied before (a redelivery).

local ARITY = {HINCRBY = 2, HSET = 2, HMAX = 2, ZINCRBY = 2, LPUSHCAP = 2, SADD = 1}
local TYPES = {HINCRBY = 'hash', HSET = 'hash', HMAX = 'hash', ZINCRBY = 'zset', LPUSHCAP = 'list', SADD = 'set'}
local EXACT = 9007199254740992 -- 2^53: counters stay exact in Lua's doubles below this

if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'duplicates', 1)
  return 0
end

local effects = {}
local i = 4
while i <= #ARGV do
  local op = ARGV[i]
  local arity = ARITY[op]
  if not arity then
    return redis.error_reply('apply-once: unknown effect ' .. tostring(op))
  end
  local key = KEYS[tonumber(ARGV[i + 1])]
  local kind = redis.call('TYPE', key)['ok']
  if kind ~= 'none' and kind ~= TYPES[op] then
    return redis.error_reply('apply-once: ' .. key .. ' holds a ' .. kind .. ', ' .. op .. ' needs a ' .. TYPES[op])
  end
  if op == 'HINCRBY' then
    local current = tonumber(redis.call('HGET', key, ARGV[i + 2]) or '0')
    local by = tonumber(ARGV[i + 3])
    if not current or not by or current % 1 ~= 0 or by % 1 ~= 0 or math.abs(current + by) >= EXACT then
      return redis.error_reply('apply-once: ' .. key .. ' ' .. ARGV[i + 2] .. ' would leave the exact range')
    end
  elseif op == 'HMAX' or op == 'ZINCRBY' then
    if not tonumber(ARGV[i + (op == 'HMAX' and 3 or 2)]) then
      return redis.error_reply('apply-once: ' .. op .. ' needs a number')
    end
  end
  effects[#effects + 1] = {op, key, ARGV[i + 2], ARGV[i + 3]}
  i = i + 2 + arity
end

for _, e in ipairs(effects) do
  local op, key, a, b = e[1], e[2], e[3], e[4]
  if op == 'HINCRBY' then
    redis.call('HINCRBY', key, a, b)
  elseif op == 'HSET' then
    redis.call('HSET', key, a, b)
  elseif op == 'HMAX' then
    local current = redis.call('HGET', key, a)
    if not current or tonumber(b) > tonumber(current) then
      redis.call('HSET', key, a, b)
    end
  elseif op == 'ZINCRBY' then
    redis.call('ZINCRBY', key, a, b)
  elseif op == 'LPUSHCAP' then
    redis.call('LPUSH', key, a)
    redis.call('LTRIM', key, 0, tonumber(b) - 1)
  elseif op == 'SADD' then
    redis.call('SADD', key, a)
  end
end
redis.call('SET', KEYS[1], '1', 'EX', ARGV[1])
redis.call('HINCRBY', KEYS[2], 'applied', 1)
redis.call('HSET', KEYS[2], 'last_event_id', ARGV[2], 'last_applied_ms', ARGV[3])
return 1
