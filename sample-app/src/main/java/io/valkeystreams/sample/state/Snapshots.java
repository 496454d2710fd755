package io.valkeystreams.sample.state;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Small conversions shared by the groups' state: counters from hash text, JSON records in lists. */
public final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };

    private Snapshots() {
    }

    /** Hash values as numbers, sorted by field. */
    public static Map<String, Long> counts(Map<String, String> hash) {
        Map<String, Long> counts = new TreeMap<>();
        hash.forEach((field, value) -> counts.put(field, Long.parseLong(value)));
        return counts;
    }

    /** Hash values as decimal numbers, sorted by field. */
    public static Map<String, Double> numbers(Map<String, String> hash) {
        Map<String, Double> numbers = new TreeMap<>();
        hash.forEach((field, value) -> numbers.put(field, Double.parseDouble(value)));
        return numbers;
    }

    /** A record for a list entry, as JSON text. */
    public static String json(Map<String, ?> record) {
        return JSON.writeValueAsString(record);
    }

    /** A record written by {@link #json}, back as a map. */
    public static Map<String, Object> record(String json) {
        return JSON.readValue(json, RECORD);
    }

    /** List entries written by {@link #json}, back as records. */
    public static List<Map<String, Object>> records(List<String> entries) {
        return entries.stream().map(Snapshots::record).toList();
    }
}
