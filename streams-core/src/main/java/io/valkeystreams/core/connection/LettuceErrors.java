package io.valkeystreams.core.connection;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.valkeystreams.core.StreamsException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Translates Lettuce exceptions into the library's hierarchy, once, at the boundary. */
public final class LettuceErrors {

    /** The error code of Valkey's reply when the user lacks a permission (a command, key or channel). */
    public static final String PERMISSION_DENIED = "NOPERM";

    private static final String PERMISSION_ADVICE = "; the Valkey user lacks this permission: grant the ACL rules of "
            + "the catalog ('valkey-streams acl' prints them, AclRules generates them; see docs/security.md)";
    private static final String TLS_ADVICE = "check that the port speaks TLS and that the client trusts the server's "
            + "certificate: add ?cacert=/path/to/ca.pem to a rediss:// URI, or put the CA in the JVM truststore "
            + "(see docs/security.md)";

    private LettuceErrors() {
    }

    /**
     * Translates a failure of {@code action} (such as "XADD reputation.events:3") into a
     * {@link StreamsException}; exceptions already of that type pass through unchanged.
     */
    public static StreamsException translate(String action, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StreamsException streamsException) {
            return streamsException;
        }
        if (cause instanceof RedisCommandExecutionException commandError) {
            String message = String.valueOf(commandError.getMessage());
            String code = errorCode(message);
            String advice = PERMISSION_DENIED.equals(code) ? PERMISSION_ADVICE : "";
            return new CommandException(action + " failed: Valkey answered '" + message + "'" + advice, code,
                    commandError);
        }
        if (find(cause, SSLException.class) != null) {
            return new ConnectionException(action + " failed: the TLS handshake failed (" + rootMessage(cause) + "); "
                    + TLS_ADVICE, cause);
        }
        RedisCommandExecutionException refusal = find(cause, RedisCommandExecutionException.class);
        if (cause instanceof RedisConnectionException && refusal != null) {
            String code = errorCode(String.valueOf(refusal.getMessage()));
            String advice = PERMISSION_DENIED.equals(code) ? PERMISSION_ADVICE
                    : "; check the user name and password (or that the user is enabled)";
            return new ConnectionException(action + " failed: Valkey refused the connection ('" + refusal.getMessage()
                    + "')" + advice, cause);
        }
        if (cause instanceof RedisCommandTimeoutException) {
            return new ConnectionException(action + " timed out: " + cause.getMessage(), cause);
        }
        if (cause instanceof RedisConnectionException) {
            return new ConnectionException(action + " failed: cannot reach Valkey (" + rootMessage(cause) + ")", cause);
        }
        if (cause instanceof RedisException) {
            return new ConnectionException(action + " failed: " + rootMessage(cause), cause);
        }
        return new StreamsException(action + " failed: " + rootMessage(cause), cause);
    }

    /** Whether the error is the server's reply that a group already exists. */
    public static boolean isBusyGroup(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RedisCommandExecutionException
                && String.valueOf(cause.getMessage()).startsWith("BUSYGROUP");
    }

    private static String errorCode(String message) {
        int space = message.indexOf(' ');
        return space > 0 ? message.substring(0, space) : message;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable each = failure; each != null; each = each.getCause() == each ? null : each.getCause()) {
            if (type.isInstance(each)) {
                return type.cast(each);
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
