package io.valkeystreams.core.events;

import io.valkeystreams.core.publish.InvalidEventException;

/** Field checks shared by the event records; messages name the event and the field. */
final class Require {

    private Require() {
    }

    static String nonBlank(String event, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(event + ": " + field + " is required and must not be blank");
        }
        return value;
    }

    static double finite(String event, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidEventException(event + ": " + field + " must be a finite number, was " + value);
        }
        return value;
    }

    static String optionalNonBlank(String event, String field, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidEventException(event + ": " + field + " must be null or non-blank, was blank");
        }
        return value;
    }
}
