package io.valkeystreams.core.admin;

import io.valkeystreams.test.SpawnedValkeyServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Creates ACL users from generated rules on test servers and reads what the server refused them. */
public final class AclUsers {

    public static final String PASSWORD = "acl-test-password";

    private AclUsers() {
    }

    /** Runs an {@code ACL SETUSER <user> …} line on a server (through {@code call}), adding the test password. */
    public static void create(Function<String[], Object> call, String setUserCommand) {
        List<String> words = new ArrayList<>(List.of(setUserCommand.split(" ")));
        words.add(">" + PASSWORD);
        call.apply(words.toArray(String[]::new));
    }

    /** Runs an {@code ACL SETUSER} line on a spawned server. */
    public static void create(SpawnedValkeyServer server, String setUserCommand) {
        create(server::call, setUserCommand);
    }

    /** A URI that logs in as the user with the test password. */
    public static String url(String host, int port, String user) {
        return "redis://" + user + ":" + PASSWORD + "@" + host + ":" + port;
    }

    /** What the server refused the user since the last {@code ACL LOG RESET}, as {@code reason:object} strings. */
    public static List<String> refusals(Function<String[], Object> call, String user) {
        List<String> refusals = new ArrayList<>();
        for (Object entry : (List<?>) call.apply(new String[] {"ACL", "LOG"})) {
            Map<String, Object> fields = new HashMap<>();
            List<?> pairs = (List<?>) entry;
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                fields.put(String.valueOf(pairs.get(i)), pairs.get(i + 1));
            }
            if (user.equals(fields.get("username"))) {
                refusals.add(fields.get("reason") + ":" + fields.get("object"));
            }
        }
        return refusals;
    }

    /** {@code ACL DRYRUN user …}: "OK", or the server's reason for refusing the command. */
    public static String dryRun(SpawnedValkeyServer server, String user, String... command) {
        List<String> words = new ArrayList<>(List.of("ACL", "DRYRUN", user));
        words.addAll(List.of(command));
        return String.valueOf(server.call(words.toArray(String[]::new)));
    }
}
