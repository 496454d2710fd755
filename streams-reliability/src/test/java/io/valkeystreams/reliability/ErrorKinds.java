package io.valkeystreams.reliability;

import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.ConnectionException;
import java.util.concurrent.CompletionException;

/** Short, bounded names for publish failures: the exception type, plus the server's error code or "timeout". */
final class ErrorKinds {

    private ErrorKinds() {
    }

    static String of(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CommandException command) {
            return "CommandException " + command.errorCode();
        }
        if (cause instanceof ConnectionException && String.valueOf(cause.getMessage()).contains("timed out")) {
            return "ConnectionException timeout";
        }
        return cause.getClass().getSimpleName();
    }
}
