package io.valkeystreams.sample.state;

import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.wire.Envelope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * When an event happened: its {@code timestamp} (publish time, kept across retries and replays), or the time of
 * its entry ID when a producer wrote none. Buckets are UTC.
 */
public final class EventTime {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private EventTime() {
    }

    /** The event's time. */
    public static Instant of(Envelope envelope, Delivery delivery) {
        if (envelope.timestamp() > 0) {
            return Instant.ofEpochSecond(envelope.timestamp());
        }
        String id = delivery.entryId();
        return Instant.ofEpochMilli(Long.parseLong(id.substring(0, id.indexOf('-'))));
    }

    /** The event's UTC day, such as {@code 2026-12-04}. */
    public static String day(Envelope envelope, Delivery delivery) {
        return of(envelope, delivery).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The event's UTC hour, such as {@code 2026-12-04T16}. */
    public static String hour(Envelope envelope, Delivery delivery) {
        return HOUR.format(of(envelope, delivery));
    }
}
