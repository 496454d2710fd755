package io.valkeystreams.core.consume;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.models.stream.PendingMessage;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The group-level commands of one container on the shared connection (none of them blocks), with
 * Lettuce errors translated here. Every command names a single key, so each works on a cluster.
 */
final class GroupCommands {

    /** Removes idle consumers without pending entries atomically, so one that wakes up meanwhile keeps its entries. */
    static final String REMOVE_IDLE_CONSUMERS = """
            local removed = {}
            for _, info in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local fields = {}
              for i = 1, #info, 2 do fields[info[i]] = info[i + 1] end
              if fields['name'] ~= ARGV[2] and fields['pending'] == 0 and fields['idle'] >= tonumber(ARGV[3]) then
                redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], fields['name'])
                table.insert(removed, fields['name'])
              end
            end
            return removed
            """;

    private final StreamsConnection connection;
    private final String group;
    private final Consumer<String> me;

    GroupCommands(StreamsConnection connection, String group, String consumerName) {
        this.connection = connection;
        this.group = group;
        this.me = Consumer.from(group, consumerName);
    }

    String group() {
        return group;
    }

    String consumerName() {
        return me.getName();
    }

    /** XACK; returns how many were pending. */
    long ack(StreamKey key, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Long acked = run("XACK " + key + " " + group, () -> connection.sync().xack(key.key(), group, ids.toArray(String[]::new)));
        return acked == null ? 0 : acked;
    }

    /** XPENDING … IDLE: pending entries idle at least {@code minIdle}, after {@code afterId} (exclusive, null = from the start). */
    List<PendingMessage> pending(StreamKey key, Duration minIdle, String afterId, int count) {
        Range<String> range = afterId == null ? Range.create("-", "+")
                : Range.from(Range.Boundary.excluding(afterId), Range.Boundary.unbounded());
        XPendingArgs<String> args = new XPendingArgs<String>().group(group).idle(minIdle).range(range)
                .limit(Limit.from(count));
        return run("XPENDING " + key + " " + group, () -> connection.sync().xpending(key.key(), args));
    }

    /** XPENDING summary: how many entries are pending for the group, with any consumer. */
    long pendingCount(StreamKey key) {
        Long count = run("XPENDING " + key + " " + group, () -> connection.sync().xpending(key.key(), group).getCount());
        return count == null ? 0 : count;
    }

    /** XCLAIM to this consumer; returns the entries still in the stream (Valkey drops deleted ones from the PEL). */
    List<StreamMessage<String, String>> claim(StreamKey key, Duration minIdle, List<String> ids) {
        return run("XCLAIM " + key + " " + group, () -> connection.sync().xclaim(key.key(), me,
                new XClaimArgs().minIdleTime(minIdle), ids.toArray(String[]::new)));
    }

    /** XCLAIM … JUSTID to this consumer: resets the idle time of entries it is still working on, keeps their count. */
    void touch(StreamKey key, Duration minIdle, List<String> ids) {
        run("XCLAIM " + key + " " + group + " JUSTID", () -> connection.sync().xclaim(key.key(), me,
                new XClaimArgs().minIdleTime(minIdle).justid(), ids.toArray(String[]::new)));
    }

    /** Whether an entry is still in its stream. */
    boolean exists(StreamKey key, String id) {
        return !run("XRANGE " + key + " " + id, () -> connection.sync().xrange(key.key(), Range.create(id, id), Limit.from(1)))
                .isEmpty();
    }

    /** XGROUP CREATE … 0 MKSTREAM on each key; an existing group is fine. Returns the keys where it was created. */
    List<StreamKey> ensureGroup(List<StreamKey> keys) {
        List<StreamKey> created = new ArrayList<>();
        for (StreamKey key : keys) {
            try {
                connection.sync().xgroupCreate(StreamOffset.from(key.key(), "0"), group,
                        new XGroupCreateArgs().mkstream(true));
                created.add(key);
            } catch (RuntimeException e) {
                if (!LettuceErrors.isBusyGroup(e)) {
                    throw LettuceErrors.translate("XGROUP CREATE " + key + " " + group + " 0 MKSTREAM", e);
                }
            }
        }
        return created;
    }

    /** Removes other consumers idle at least {@code idle} with no pending entries; returns their names. */
    List<String> removeIdleConsumers(StreamKey key, Duration idle) {
        List<Object> removed = run("removing idle consumers of " + key + " " + group,
                () -> connection.sync().eval(REMOVE_IDLE_CONSUMERS, ScriptOutputType.MULTI, new String[] {key.key()},
                        group, me.getName(), Long.toString(idle.toMillis())));
        List<String> names = new ArrayList<>();
        if (removed != null) {
            removed.forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    /** Whether the failure is the server saying the key or the group does not exist. */
    static boolean isNoGroup(RuntimeException failure) {
        return failure instanceof CommandException command && "NOGROUP".equals(command.errorCode());
    }

    private static <T> T run(String action, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw LettuceErrors.translate(action, e);
        }
    }
}
