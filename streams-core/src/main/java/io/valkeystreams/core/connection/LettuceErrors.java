package io.valkeystreams.core.connection;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.valkeystreams.core.StreamsException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Translates Lettuce exceptions into the library's hierarchy, once, at the boundary. */
public final class LettuceErrors {

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
            int space = message.indexOf(' ');
            String code = space > 0 ? message.substring(0, space) : message;
            return new CommandException(action + " failed: Valkey answered '" + message + "'", code, commandError);
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
