package io.valkeystreams.core.connection;

import io.valkeystreams.core.StreamsException;

/** Valkey answered a command with an error (out of memory, no permission, wrong type …). */
public class CommandException extends StreamsException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    /** Creates the exception; the error code is the first word of the server's reply, such as {@code OOM}. */
    public CommandException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The first word of the server's error reply ({@code OOM}, {@code NOPERM}, {@code WRONGTYPE} …). */
    public String errorCode() {
        return errorCode;
    }
}
