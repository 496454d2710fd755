package io.valkeystreams.cli;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.connection.StreamsConnection;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: per stream, partition and group: length, lag, pending, consumers, dead letters. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every stream key: length, and per consumer group the lag (entries and seconds), "
                + "pending entries and consumers; plus each stream's dead letters.",
        footer = {"", "Examples:", "  valkey-streams status", "  valkey-streams status --watch 1s",
                "  valkey-streams status --json | jq '.[0]'"})
final class StatusCommand implements Callable<Integer> {

    private static final String ROW = "%-30s %9s  %-24s %9s %9s %8s %9s %8s%n";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Option(names = "--watch", paramLabel = "INTERVAL", converter = DurationConverter.class, arity = "0..1",
            fallbackValue = "2s", description = "Refresh every INTERVAL (default 2s) until interrupted.")
    Duration watch;

    @Option(names = "--watch-count", hidden = true, defaultValue = "0",
            description = "Stop after this many refreshes (0: until interrupted); for tests.")
    int watchCount;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StreamsConnection streams = connection.connect()) {
            StatusReader reader = new StatusReader(streams);
            if (watch == null) {
                print(out, reader.read(connection.catalog()));
                return 0;
            }
            for (int round = 1; watchCount == 0 || round <= watchCount; round++) {
                List<StreamStatus> status = reader.read(connection.catalog());
                out.print("\033[H\033[2J");
                out.printf("every %d ms: valkey-streams status (%s)%n%n", watch.toMillis(), LocalTime.now().withNano(0));
                print(out, status);
                out.flush();
                if (watchCount == 0 || round < watchCount) {
                    LockSupport.parkNanos(watch.toNanos());
                    if (Thread.interrupted()) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    private void print(PrintWriter out, List<StreamStatus> status) {
        if (json) {
            out.println(Json.write(status));
            return;
        }
        out.printf(ROW, "KEY", "LENGTH", "GROUP", "LAG", "LAG(s)", "PENDING", "CONSUMERS", "TRIMMED");
        long totalLength = 0;
        long totalLag = 0;
        long totalPending = 0;
        long totalDead = 0;
        for (StreamStatus stream : status) {
            for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                totalLength += partition.length();
                if (!partition.exists()) {
                    out.printf(ROW, partition.key(), "missing", "-", "-", "-", "-", "-", "-");
                    continue;
                }
                boolean first = true;
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    out.printf(ROW, first ? partition.key() : "", first ? String.format("%,d", partition.length()) : "",
                            group.group(), group.lagEntries() < 0 ? "?" : String.format("%,d", group.lagEntries()),
                            String.format("%.1f", group.lagSeconds()), String.format("%,d", group.pending()),
                            group.consumers(), group.trimmedUnread() == 0 ? "" : String.format("%,d", group.trimmedUnread()));
                    totalLag += Math.max(0, group.lagEntries());
                    totalPending += group.pending();
                    first = false;
                }
                if (first) {
                    out.printf(ROW, partition.key(), String.format("%,d", partition.length()), "(no groups)", "", "", "", "", "");
                }
            }
            if (stream.deadLetters() > 0) {
                out.printf(ROW, stream.stream() + ":dlq", String.format("%,d", stream.deadLetters()), "(dead letters)",
                        "", "", "", "", "");
            }
            totalDead += stream.deadLetters();
        }
        out.printf("%ntotal: %,d entries in %d streams, lag %,d, pending %,d, dead letters %,d%n",
                totalLength, status.size(), totalLag, totalPending, totalDead);
    }
}
