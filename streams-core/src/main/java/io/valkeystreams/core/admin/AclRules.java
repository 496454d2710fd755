package io.valkeystreams.core.admin;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.publish.PublisherOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Valkey ACL rules a valkey-streams application needs for a catalog, and no more: the commands
 * the library sends, the keys of the catalog's streams ({@code <name>} and {@code <name>:*}, which
 * covers partitions and the dead-letter stream) and the priority channel. Generate the line for
 * your own catalog, so streams you add are covered:
 *
 * <pre>{@code
 * String line = AclRules.of(catalog).setUserCommand("orders-service");
 * // ACL SETUSER orders-service on resetkeys resetchannels clearselectors -@all +ping … ~orders.placed:* &priority.events
 * }</pre>
 *
 * The rules set no password: a new user needs one ({@code ACL SETUSER <user> >password}, or
 * {@code #<sha256>} in an ACL file), and applying the line again leaves existing passwords alone.
 * Immutable.
 */
public final class AclRules {

    /** User name used when none is given (by the CLI). */
    public static final String DEFAULT_USER = "valkey-streams";

    /**
     * Sent on every connection: {@code PING} (health checks), and Lettuce's handshake, which names
     * the client library ({@code CLIENT SETINFO}) and, when a client name is set or on RESP2, the
     * connection ({@code CLIENT SETNAME}). {@code HELLO} and {@code AUTH} need no grant: they run
     * before the connection is authenticated.
     */
    static final List<String> CONNECTION = List.of("ping", "client|setinfo", "client|setname");
    /** Provisioning: key types, then {@code XGROUP CREATE … MKSTREAM}. */
    static final List<String> PROVISIONING = List.of("type", "xgroup|create");
    /** Publishing: {@code XADD … MAXLEN ~}, the priority announcement and the durability waits. */
    static final List<String> PUBLISHING = List.of("xadd", "publish", "wait", "waitaof");
    /** Time retention. */
    static final List<String> RETENTION = List.of("xtrim");
    /** Status, lag and the actuator endpoint. */
    static final List<String> STATUS = List.of("xlen", "xinfo|stream", "xinfo|groups", "xrange");
    /** Consumers: group reads, acknowledgements, pending recovery and dead letters. */
    static final List<String> CONSUMING = List.of("xreadgroup", "xack", "xpending", "xclaim", "xautoclaim",
            "xinfo|consumers", "xgroup|delconsumer", "xdel");
    /**
     * Valkey Cluster: Lettuce's topology refresh reads {@code CLUSTER NODES} (required) and
     * {@code CLUSTER MYID}. It also asks for {@code INFO}, which is deliberately left out (it
     * reveals server configuration); Lettuce works without it.
     */
    static final List<String> CLUSTER = List.of("cluster|nodes", "cluster|myid");

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@\\-]*");
    private static final Pattern GLOB = Pattern.compile("([*?\\[\\]\\\\])");

    private final StreamCatalog catalog;
    private final boolean cluster;
    private final String priorityChannel;

    private AclRules(StreamCatalog catalog, boolean cluster, String priorityChannel) {
        this.catalog = catalog;
        this.cluster = cluster;
        this.priorityChannel = priorityChannel;
    }

    /** The rules for a catalog on a standalone (or sentinel-managed) Valkey, with the default priority channel. */
    public static AclRules of(StreamCatalog catalog) {
        return new AclRules(Objects.requireNonNull(catalog, "catalog"), false,
                PublisherOptions.DEFAULT_PRIORITY_CHANNEL);
    }

    /** The same rules plus what a Valkey Cluster client needs; apply them on every node. */
    public AclRules forCluster() {
        return new AclRules(catalog, true, priorityChannel);
    }

    /**
     * The same rules for another priority channel ({@link PublisherOptions#priorityChannel()}).
     *
     * @throws IllegalArgumentException when the channel is blank or holds whitespace
     */
    public AclRules withPriorityChannel(String channel) {
        if (channel == null || channel.isBlank() || channel.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("priority channel must be a non-blank name without whitespace, was '"
                    + channel + "'");
        }
        return new AclRules(catalog, cluster, channel);
    }

    /** The granted commands, as ACL rules ({@code +xadd}, {@code +xgroup|create} …). */
    public List<String> commands() {
        List<String> commands = new ArrayList<>();
        for (List<String> feature : List.of(CONNECTION, PROVISIONING, PUBLISHING, RETENTION, STATUS, CONSUMING)) {
            feature.forEach(command -> commands.add("+" + command));
        }
        if (cluster) {
            CLUSTER.forEach(command -> commands.add("+" + command));
        }
        return List.copyOf(commands);
    }

    /** The granted key patterns: {@code ~<name>} and {@code ~<name>:*} for every stream of the catalog. */
    public List<String> keyPatterns() {
        List<String> patterns = new ArrayList<>();
        for (StreamDefinition stream : catalog.streams()) {
            String name = escape(stream.name());
            patterns.add("~" + name);
            patterns.add("~" + name + ":*");
        }
        return List.copyOf(patterns);
    }

    /** The granted channel: {@code &priority.events} by default. */
    public List<String> channelPatterns() {
        return List.of("&" + escape(priorityChannel));
    }

    /**
     * Every rule, in the order Valkey must apply them: enable the user, drop any keys, channels,
     * selectors and commands it had, then grant exactly the commands, keys and channel.
     */
    public List<String> rules() {
        List<String> rules = new ArrayList<>(List.of("on", "resetkeys", "resetchannels", "clearselectors", "-@all"));
        rules.addAll(commands());
        rules.addAll(keyPatterns());
        rules.addAll(channelPatterns());
        return List.copyOf(rules);
    }

    /**
     * The rules as one command for {@code valkey-cli}: {@code ACL SETUSER <user> on resetkeys …}.
     *
     * @throws IllegalArgumentException when the user name is not a plain name
     */
    public String setUserCommand(String user) {
        return "ACL SETUSER " + checkedUser(user) + " " + String.join(" ", rules());
    }

    /**
     * The rules as a line of an ACL file ({@code aclfile}): {@code user <user> on resetkeys …}. Add
     * {@code #<sha256 of the password>} to it before use.
     *
     * @throws IllegalArgumentException when the user name is not a plain name
     */
    public String aclFileLine(String user) {
        return "user " + checkedUser(user) + " " + String.join(" ", rules());
    }

    @Override
    public String toString() {
        return String.join(" ", rules());
    }

    private static String checkedUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("ACL user name must start with a letter or digit and hold only letters, "
                    + "digits, '.', '_', '-', '@', was '" + user + "'");
        }
        return user;
    }

    private static String escape(String name) {
        return GLOB.matcher(name).replaceAll("\\\\$1");
    }
}
