package io.valkeystreams.core.publish;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ArrayOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Confirms writes made on a connection with {@code WAIT} and {@code WAITAOF}; both cover every
 * earlier write of that connection, so they must run on the connection that wrote.
 */
final class Confirmer {

    private static final ProtocolKeyword WAITAOF = new ProtocolKeyword() {
        private final byte[] bytes = "WAITAOF".getBytes(StandardCharsets.US_ASCII);

        @Override
        public byte[] getBytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return "WAITAOF";
        }
    };

    private final Durability durability;

    Confirmer(Durability durability) {
        this.durability = durability;
    }

    boolean isRequested() {
        return durability.isRequested();
    }

    /**
     * Waits for the confirmations; returns null when they arrived, else a description of what was missing.
     */
    String confirm(RedisClusterCommands<String, String> commands) {
        long timeout = durability.timeout().toMillis();
        if (durability.localAof()) {
            List<Object> reply = commands.dispatch(WAITAOF, new ArrayOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add(1).add(durability.replicas()).add(timeout));
            long local = ((Number) reply.get(0)).longValue();
            long replicas = ((Number) reply.get(1)).longValue();
            if (local < 1 || replicas < durability.replicas()) {
                return "append-only file fsynced locally: " + (local >= 1) + ", by " + replicas + " of "
                        + durability.replicas() + " replicas within " + timeout + " ms";
            }
            return null;
        }
        Long acknowledged = commands.waitForReplication(durability.replicas(), timeout);
        if (acknowledged == null || acknowledged < durability.replicas()) {
            return "acknowledged by " + acknowledged + " of " + durability.replicas() + " replicas within "
                    + timeout + " ms";
        }
        return null;
    }
}
