package io.valkeystreams.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds probe events, valid and poison, as field maps. */
final class Probes {

    /** The kinds of poison entry the suite mixes into valid traffic. */
    enum Poison {
        /** Random field names and values, no {@code event_type}. */
        RANDOM_FIELDS,
        /** Random fields with a random {@code event_type} no handler knows (dead-lettered under DEAD_LETTER). */
        UNKNOWN_TYPE,
        /** A probe whose number field holds text. */
        WRONG_FIELD_TYPE,
        /** A probe whose {@code timestamp} metadata is not a number. */
        WRONG_METADATA_TYPE,
        /** A probe whose number field holds 600,000 digits (decodes to infinity, which the event refuses). */
        HUGE_NUMBER
    }

    private Probes() {
    }

    /** A valid probe with {@code payloadBytes} of filler. */
    static Map<String, Object> valid(int seq, int payloadBytes) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_type", Probe.TYPE);
        event.put(Probe.SEQ, seq);
        event.put("payload", "x".repeat(payloadBytes));
        event.put("amount", seq % 100 / 10.0);
        return event;
    }

    /**
     * The raw fields of a poison entry (written with a plain {@code XADD}, as a producer in another language
     * might); every kind keeps {@link Probe#SEQ} so its dead letter can be matched.
     */
    static Map<String, String> poison(int seq, Poison kind, Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (kind) {
            case RANDOM_FIELDS -> randomFields(fields, random);
            case UNKNOWN_TYPE -> {
                randomFields(fields, random);
                fields.put("event_type", "unknown_" + Integer.toString(random.nextInt(1 << 20), 36));
            }
            case WRONG_FIELD_TYPE -> probeFields(fields, seq, "lots");
            case WRONG_METADATA_TYPE -> {
                probeFields(fields, seq, "1.5");
                fields.put("timestamp", "yesterday");
            }
            case HUGE_NUMBER -> probeFields(fields, seq, "9".repeat(600_000));
        }
        fields.put(Probe.SEQ, Integer.toString(seq));
        return fields;
    }

    /** The poison kinds in rotation. */
    static Poison kind(int index) {
        List<Poison> kinds = List.of(Poison.values());
        return kinds.get(index % kinds.size());
    }

    private static void probeFields(Map<String, String> fields, int seq, String amount) {
        fields.put("event_type", Probe.TYPE);
        fields.put("event_id", "poison-" + seq);
        fields.put("payload", "poison");
        fields.put("amount", amount);
    }

    private static void randomFields(Map<String, String> fields, Random random) {
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[random.nextInt(64)];
            random.nextBytes(value);
            fields.put("f_" + Integer.toString(random.nextInt(1 << 30), 36), new String(value,
                    java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }
}
