package io.valkeystreams.core.admin;

import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes every partition key of a catalog exist as a stream with every consumer group, created from
 * ID {@code 0}. Idempotent and safe when several instances provision at once: it relies on
 * {@code XGROUP CREATE … MKSTREAM}, which creates an empty stream atomically, so no placeholder
 * entry is ever written. Key types are checked first, so a wrong-type key fails the run before
 * anything is created.
 */
public final class Provisioner {

    private final StreamsConnection connection;

    /** Creates a provisioner on a connection. */
    public Provisioner(StreamsConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /**
     * Provisions every stream of the catalog.
     *
     * @throws WrongKeyTypeException when a needed key holds another type (nothing is created then)
     * @throws io.valkeystreams.core.StreamsException when Valkey cannot be reached or refuses a command
     */
    public ProvisionReport provision(StreamCatalog catalog) {
        return provision(List.copyOf(catalog.streams()));
    }

    /** Provisions the given streams; see {@link #provision(StreamCatalog)}. */
    public ProvisionReport provision(List<StreamDefinition> definitions) {
        RedisClusterCommands<String, String> commands = connection.sync();
        List<String> absent = checkTypes(definitions, commands);

        List<String> createdKeys = new ArrayList<>();
        List<String> existingKeys = new ArrayList<>();
        List<ProvisionReport.KeyGroup> createdGroups = new ArrayList<>();
        List<ProvisionReport.KeyGroup> existingGroups = new ArrayList<>();
        for (StreamDefinition definition : definitions) {
            for (StreamKey key : definition.keys()) {
                (absent.contains(key.key()) ? createdKeys : existingKeys).add(key.key());
                for (String group : definition.groups()) {
                    ProvisionReport.KeyGroup keyGroup = new ProvisionReport.KeyGroup(key.key(), group);
                    if (createGroup(commands, key.key(), group)) {
                        createdGroups.add(keyGroup);
                    } else {
                        existingGroups.add(keyGroup);
                    }
                }
            }
        }
        return new ProvisionReport(createdKeys, existingKeys, createdGroups, existingGroups);
    }

    private static List<String> checkTypes(List<StreamDefinition> definitions,
                                           RedisClusterCommands<String, String> commands) {
        List<String> absent = new ArrayList<>();
        for (StreamDefinition definition : definitions) {
            for (StreamKey key : definition.keys()) {
                String type;
                try {
                    type = commands.type(key.key());
                } catch (RuntimeException e) {
                    throw LettuceErrors.translate("TYPE " + key.key(), e);
                }
                if ("none".equals(type)) {
                    absent.add(key.key());
                } else if (!"stream".equals(type)) {
                    throw new WrongKeyTypeException(key.key(), type);
                }
            }
        }
        return absent;
    }

    private static boolean createGroup(RedisClusterCommands<String, String> commands, String key, String group) {
        try {
            commands.xgroupCreate(StreamOffset.from(key, "0"), group, new XGroupCreateArgs().mkstream(true));
            return true;
        } catch (RuntimeException e) {
            if (LettuceErrors.isBusyGroup(e)) {
                return false;
            }
            throw LettuceErrors.translate("XGROUP CREATE " + key + " " + group, e);
        }
    }
}
