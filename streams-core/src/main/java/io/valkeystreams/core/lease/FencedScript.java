package io.valkeystreams.core.lease;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.LettuceErrors;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script that runs on a partition key only while a given {@link PartitionLease} holds: the check
 * (owner, fencing token, expiry by the server's clock) and the script's own commands execute atomically,
 * so a holder that lost its lease cannot act after the fact. The partition key and the lease key share a
 * hash slot ({@link LeaseKeys#lease}), so this works on a cluster.
 *
 * <p>In the script body, {@code KEYS[1]} is the partition key, {@code args[1] … args[n]} the arguments
 * given to {@link #run}, and {@code now} the server time in epoch milliseconds. The body must return a
 * Lua table (a multi-bulk reply).
 *
 * <pre>{@code
 * FencedScript ack = FencedScript.of("return {redis.call('XACK', KEYS[1], args[1], args[2])}");
 * ack.run(connection.sync(), lease, "my-group", "1700000000000-0");   // LeaseLostException once the lease is gone
 * }</pre>
 */
public final class FencedScript {

    static final String FENCED = "FENCED";

    private static final String CHECK = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local lease = redis.call('HMGET', KEYS[2], 'owner', 'token', 'until')
            if lease[1] ~= ARGV[1] or lease[2] ~= ARGV[2] or tonumber(lease[3] or '0') <= now then
              return redis.error_reply('FENCED lease ' .. KEYS[2] .. ' is not held by ' .. ARGV[1] .. ' with token ' .. ARGV[2])
            end
            local args = {}
            for i = 3, #ARGV do args[i - 2] = ARGV[i] end
            """;

    private final Script script;

    private FencedScript(String body) {
        this.script = new Script(CHECK + body);
    }

    /**
     * Prepares a script body to run under a lease.
     *
     * @throws StreamsException when the body is blank
     */
    public static FencedScript of(String body) {
        if (body == null || body.isBlank()) {
            throw new StreamsException("fenced script: body must not be blank");
        }
        return new FencedScript(body);
    }

    /**
     * Runs the script on the lease's partition key, if the lease still holds.
     *
     * @return the script's reply
     * @throws LeaseLostException when the lease no longer holds (nothing was done)
     * @throws StreamsException   when Valkey cannot be reached or the script fails
     */
    public List<Object> run(RedisClusterCommands<String, String> commands, PartitionLease lease, String... args) {
        try {
            return script.run(commands, ScriptOutputType.MULTI, keys(lease), argv(lease, args));
        } catch (RuntimeException e) {
            throw translate(lease, e);
        }
    }

    /**
     * Sends the script without waiting (for pipelining); the stage fails with a {@link LeaseLostException}
     * when the lease no longer holds, or another {@link StreamsException}.
     */
    public CompletionStage<List<Object>> runAsync(RedisClusterAsyncCommands<String, String> commands,
                                                  PartitionLease lease, String... args) {
        CompletionStage<List<Object>> reply = script.runAsync(commands, ScriptOutputType.MULTI, keys(lease),
                argv(lease, args));
        return reply.handle((result, failure) -> {
            if (failure != null) {
                throw translate(lease, failure);
            }
            return result;
        });
    }

    private static String[] keys(PartitionLease lease) {
        return new String[] {lease.key().key(), lease.leaseKey()};
    }

    private static String[] argv(PartitionLease lease, String[] args) {
        String[] argv = new String[args.length + 2];
        argv[0] = lease.owner();
        argv[1] = Long.toString(lease.token());
        System.arraycopy(args, 0, argv, 2, args.length);
        return argv;
    }

    private static StreamsException translate(PartitionLease lease, Throwable failure) {
        StreamsException translated = LettuceErrors.translate("script on " + lease.key() + " under its lease", failure);
        if (translated instanceof CommandException command && FENCED.equals(command.errorCode())) {
            return new LeaseLostException(lease, "script on " + lease.key());
        }
        return translated;
    }
}
