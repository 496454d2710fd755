package io.valkeystreams.core.lease;

import io.lettuce.core.cluster.SlotHash;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;

/**
 * Names of the keys that hold leases and memberships (documented in {@code docs/wire-format.md}).
 * <ul>
 *   <li>{@code {<partition key>}:lease:<group>} — a hash with the fields {@code owner} (consumer name),
 *       {@code token} (fencing token, raised by every acquisition, never reset) and {@code until} (expiry,
 *       server time in epoch milliseconds). The hash tag puts it in the same hash slot as its partition key,
 *       so one script can check the lease and touch the stream atomically, on a cluster too.</li>
 *   <li>{@code <stream>:members:<group>} — a sorted set of the consumer names of the group's ordered
 *       containers, each scored with the server time (epoch ms) at which it expires unless renewed.</li>
 * </ul>
 */
public final class LeaseKeys {

    private LeaseKeys() {
    }

    /**
     * The lease key of one partition key and group, in the partition key's hash slot.
     *
     * @throws StreamsException when the partition key's own braces keep the lease key out of its slot
     */
    public static String lease(StreamKey key, String group) {
        String name = "{" + key.key() + "}:lease:" + group;
        if (SlotHash.getSlot(name) != SlotHash.getSlot(key.key())) {
            name = key.key() + ":lease:" + group;
        }
        if (SlotHash.getSlot(name) != SlotHash.getSlot(key.key())) {
            throw new StreamsException("no lease key in the hash slot of '" + key.key() + "' can be formed: its braces "
                    + "{…} make a hash tag that a lease key cannot share; rename the stream without braces to use "
                    + "ordered mode");
        }
        return name;
    }

    /** The membership key of a stream's group. */
    public static String members(String stream, String group) {
        return stream + ":members:" + group;
    }
}
