package io.valkeystreams.core.lease;

import io.lettuce.core.ScriptOutputType;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@link LeaseStore}: one Lua script per operation on the shared connection. */
final class ValkeyLeaseStore implements LeaseStore {

    private static final String NOW = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            """;

    /** KEYS[1] lease; ARGV owner, lease ms. Returns the new token, or 0 when another owner holds it. */
    static final Script ACQUIRE = new Script(NOW + """
            local lease = redis.call('HMGET', KEYS[1], 'owner', 'until')
            if lease[1] and lease[1] ~= '' and lease[1] ~= ARGV[1] and tonumber(lease[2] or '0') > now then
              return 0
            end
            local token = redis.call('HINCRBY', KEYS[1], 'token', 1)
            redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'until', now + tonumber(ARGV[2]))
            return token
            """);

    /** KEYS[1] lease; ARGV owner, token, lease ms. Returns 1 when extended, 0 when lost. */
    static final Script RENEW = new Script(NOW + """
            local lease = redis.call('HMGET', KEYS[1], 'owner', 'token', 'until')
            if lease[1] ~= ARGV[1] or lease[2] ~= ARGV[2] or tonumber(lease[3] or '0') <= now then
              return 0
            end
            redis.call('HSET', KEYS[1], 'until', now + tonumber(ARGV[3]))
            return 1
            """);

    /** KEYS[1] lease; ARGV owner, token. Returns 1 when released. The token stays, so later ones are larger. */
    static final Script RELEASE = new Script(NOW + """
            local lease = redis.call('HMGET', KEYS[1], 'owner', 'token', 'until')
            if lease[1] ~= ARGV[1] or lease[2] ~= ARGV[2] or tonumber(lease[3] or '0') <= now then
              return 0
            end
            redis.call('HSET', KEYS[1], 'owner', '', 'until', 0)
            return 1
            """);

    /** KEYS[1] lease. Returns {owner, token} of an unexpired lease, else an empty table. */
    static final Script HOLDER = new Script(NOW + """
            local lease = redis.call('HMGET', KEYS[1], 'owner', 'token', 'until')
            if not lease[1] or lease[1] == '' or tonumber(lease[3] or '0') <= now then
              return {}
            end
            return {lease[1], lease[2]}
            """);

    /** KEYS[1] members; ARGV member, ttl ms. Returns the live members. */
    static final Script HEARTBEAT = new Script(NOW + """
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 3)
            return redis.call('ZRANGE', KEYS[1], 0, -1)
            """);

    private final StreamsConnection connection;

    ValkeyLeaseStore(StreamsConnection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<PartitionLease> tryAcquire(StreamKey key, String group, String owner, Duration leaseTime) {
        String leaseKey = LeaseKeys.lease(key, group);
        Long token = run("acquiring the lease " + leaseKey, () -> ACQUIRE.run(connection.sync(),
                ScriptOutputType.INTEGER, new String[] {leaseKey}, owner, millis(leaseTime)));
        return token == null || token == 0 ? Optional.empty() : Optional.of(new PartitionLease(key, group, owner, token));
    }

    @Override
    public boolean renew(PartitionLease lease, Duration leaseTime) {
        Long renewed = run("renewing the " + lease, () -> RENEW.run(connection.sync(), ScriptOutputType.INTEGER,
                new String[] {lease.leaseKey()}, lease.owner(), Long.toString(lease.token()), millis(leaseTime)));
        return renewed != null && renewed == 1;
    }

    @Override
    public boolean release(PartitionLease lease) {
        Long released = run("releasing the " + lease, () -> RELEASE.run(connection.sync(), ScriptOutputType.INTEGER,
                new String[] {lease.leaseKey()}, lease.owner(), Long.toString(lease.token())));
        return released != null && released == 1;
    }

    @Override
    public Optional<PartitionLease> holder(StreamKey key, String group) {
        String leaseKey = LeaseKeys.lease(key, group);
        List<Object> holder = run("reading the lease " + leaseKey, () -> HOLDER.run(connection.sync(),
                ScriptOutputType.MULTI, new String[] {leaseKey}));
        if (holder == null || holder.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new PartitionLease(key, group, String.valueOf(holder.get(0)),
                Long.parseLong(String.valueOf(holder.get(1)))));
    }

    @Override
    public List<String> heartbeat(String stream, String group, String member, Duration ttl) {
        String members = LeaseKeys.members(stream, group);
        List<Object> live = run("heartbeat in " + members, () -> HEARTBEAT.run(connection.sync(),
                ScriptOutputType.MULTI, new String[] {members}, member, millis(ttl)));
        List<String> names = new ArrayList<>();
        if (live != null) {
            live.forEach(name -> names.add(String.valueOf(name)));
        }
        Collections.sort(names);
        return names;
    }

    @Override
    public void leave(String stream, String group, String member) {
        String members = LeaseKeys.members(stream, group);
        run("leaving " + members, () -> connection.sync().zrem(members, member));
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(1, duration.toMillis()));
    }

    private static <T> T run(String action, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw LettuceErrors.translate(action, e);
        }
    }
}
