package io.valkeystreams.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one scenario: printed as one table row, and written to {@code target/reliability/} as
 * {@code <scenario>.json} (everything, per group), {@code <scenario>.row.txt} (the printed row) and
 * {@code <scenario>.row.md} (the row for {@code docs/reliability.md}). Totals add up the groups: "expected" and "processed" count (event, group)
 * pairs, "published" counts events.
 */
final class ScenarioReport {

    /** Column titles of the text and Markdown rows. */
    static final List<String> COLUMNS = List.of("scenario", "published", "acked", "pub failed", "written unacked",
            "expected", "processed", "lost", "redelivered", "dup first", "dead-lettered", "trimmed", "recovery ms");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEXT_ROW = "%-38s %9s %9s %10s %15s %9s %9s %6s %11s %9s %13s %7s  %s%n";

    private final String scenario;
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private final String loadBefore = Machine.loadAverage();
    private String description = "";
    private List<GroupFigures> groups = List.of();
    private String recovery = "n/a";
    private final Map<String, Object> recoveryDetail = new LinkedHashMap<>();

    private ScenarioReport(String scenario) {
        this.scenario = scenario;
    }

    /** Starts the report of a scenario (a short slug such as {@code server-restart-aof-always-sigkill}). */
    static ScenarioReport of(String scenario) {
        return new ScenarioReport(scenario);
    }

    ScenarioReport description(String text) {
        this.description = text;
        return this;
    }

    ScenarioReport groups(List<GroupFigures> figures) {
        this.groups = List.copyOf(figures);
        return this;
    }

    /** Recovery: publish side and handler side in milliseconds (-1: did not happen), and what they measure. */
    ScenarioReport recovery(long publishMillis, long handlerMillis, String meaning) {
        this.recovery = "pub " + millis(publishMillis) + " / handler " + millis(handlerMillis);
        recoveryDetail.put("publish_ms", publishMillis);
        recoveryDetail.put("handler_ms", handlerMillis);
        recoveryDetail.put("meaning", meaning);
        return this;
    }

    /** Recovery as one figure with its meaning (takeover time, …). */
    ScenarioReport recovery(String label, long millis, String meaning) {
        this.recovery = label + " " + millis(millis);
        recoveryDetail.put(label.replace(' ', '_') + "_ms", millis);
        recoveryDetail.put("meaning", meaning);
        return this;
    }

    ScenarioReport note(String key, Object value) {
        notes.put(key, value);
        return this;
    }

    /** Sum of a figure over the groups. */
    long total(java.util.function.ToLongFunction<GroupFigures> figure) {
        return groups.stream().mapToLong(figure).sum();
    }

    /** Events published: the largest per-group count of each stream, added over the streams. */
    long published(java.util.function.ToLongFunction<GroupFigures> figure) {
        Map<String, Long> perStream = new LinkedHashMap<>();
        groups.forEach(group -> perStream.merge(group.stream(), figure.applyAsLong(group), Math::max));
        return perStream.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Adds the calls of a few probes processed more than once (detailed ledgers). */
    ScenarioReport duplicates(Ledger ledger) {
        Map<String, List<String>> samples = ledger.duplicateSamples();
        if (!samples.isEmpty()) {
            notes.put("duplicate_samples", samples);
            notes.put("same_consumer_duplicates", ledger.sameConsumerDuplicates());
        }
        return this;
    }

    /** Prints the row and writes the files; returns this. */
    ScenarioReport write() {
        List<String> cells = cells();
        System.out.printf(TEXT_ROW, cells.toArray());
        Path dir = Path.of(System.getProperty("reliability.output", "target/reliability"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(scenario + ".json"), JSON.writeValueAsString(json()) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(scenario + ".row.md"), "| " + String.join(" | ", cells) + " |\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(scenario + ".row.txt"), String.format(TEXT_ROW, cells.toArray()),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("columns.header"), String.format(TEXT_ROW, COLUMNS.toArray()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + scenario + " to " + dir, e);
        }
        return this;
    }

    private List<String> cells() {
        List<String> cells = new ArrayList<>();
        cells.add(scenario);
        cells.add(String.format("%,d", published(GroupFigures::published)));
        cells.add(String.format("%,d", published(GroupFigures::acked)));
        cells.add(String.format("%,d", published(GroupFigures::publishFailed)));
        cells.add(String.format("%,d", published(GroupFigures::writtenUnacked)));
        cells.add(String.format("%,d", total(GroupFigures::ackedValid)));
        cells.add(String.format("%,d", total(GroupFigures::processed)));
        cells.add(String.format("%,d", total(GroupFigures::lost)));
        cells.add(String.format("%,d", total(GroupFigures::redelivered)));
        cells.add(String.format("%,d", total(GroupFigures::firstDeliveryDuplicates)));
        cells.add(String.format("%,d", total(GroupFigures::deadLettered)));
        cells.add(String.format("%,d", total(GroupFigures::trimmed)));
        cells.add(recovery);
        return cells;
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("description", description);
        json.put("command", System.getProperty("reliability.command", "(run from an IDE)"));
        json.put("finished_at", Instant.now().toString());
        json.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(),
                "load_average_before", loadBefore, "load_average_after", Machine.loadAverage()));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("published", published(GroupFigures::published));
        totals.put("acked", published(GroupFigures::acked));
        totals.put("publish_failed", published(GroupFigures::publishFailed));
        totals.put("written_unacked", published(GroupFigures::writtenUnacked));
        totals.put("expected_pairs", total(GroupFigures::ackedValid));
        totals.put("processed_pairs", total(GroupFigures::processed));
        totals.put("lost", total(GroupFigures::lost));
        totals.put("redelivered", total(GroupFigures::redelivered));
        totals.put("first_delivery_duplicates", total(GroupFigures::firstDeliveryDuplicates));
        totals.put("dead_lettered", total(GroupFigures::deadLettered));
        totals.put("trimmed_while_pending", total(GroupFigures::trimmed));
        totals.put("handler_failures", total(GroupFigures::handlerFailures));
        json.put("totals", totals);
        json.put("recovery", recoveryDetail);
        json.put("notes", notes);
        json.put("groups", groups);
        return json;
    }

    private static String millis(long value) {
        return value < 0 ? "-" : String.format("%,d", value);
    }
}
