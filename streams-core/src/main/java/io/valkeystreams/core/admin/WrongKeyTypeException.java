package io.valkeystreams.core.admin;

import io.valkeystreams.core.StreamsException;

/** A key the catalog needs for a stream exists with another type; nothing was changed. */
public class WrongKeyTypeException extends StreamsException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String actualType;

    /** Creates the exception for a key and the type it holds. */
    public WrongKeyTypeException(String key, String actualType) {
        super("key '" + key + "' holds a " + actualType + ", not a stream; rename or delete that key "
                + "(valkey-streams never removes data it does not own), then provision again");
        this.key = key;
        this.actualType = actualType;
    }

    /** The offending key. */
    public String key() {
        return key;
    }

    /** The type the key holds, as {@code TYPE} reports it. */
    public String actualType() {
        return actualType;
    }
}
