package io.valkeystreams.cli;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.connection.StreamsConnection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: per stream, partition and group: length, lag, pending, consumers, dead letters. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every stream key: length, and per consumer group the lag (entries and seconds), "
                + "pending entries and consumers; plus each stream's dead letters.",
        footer = {"", "Examples:", "  valkey-streams status", "  valkey-streams status --json | jq '.[0]'"})
final class StatusCommand implements Callable<Integer> {

    private static final String ROW = "%-30s %9s  %-24s %9s %9s %8s %9s%n";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StreamStatus> status;
        try (StreamsConnection streams = connection.connect()) {
            status = new StatusReader(streams).read(connection.catalog());
        }
        if (json) {
            out.println(Json.write(status));
            return 0;
        }
        out.printf(ROW, "KEY", "LENGTH", "GROUP", "LAG", "LAG(s)", "PENDING", "CONSUMERS");
        long totalLength = 0;
        long totalLag = 0;
        long totalPending = 0;
        long totalDead = 0;
        for (StreamStatus stream : status) {
            for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                totalLength += partition.length();
                if (!partition.exists()) {
                    out.printf(ROW, partition.key(), "missing", "-", "-", "-", "-", "-");
                    continue;
                }
                boolean first = true;
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    out.printf(ROW, first ? partition.key() : "", first ? String.format("%,d", partition.length()) : "",
                            group.group(), group.lagEntries() < 0 ? "?" : String.format("%,d", group.lagEntries()),
                            String.format("%.1f", group.lagSeconds()), String.format("%,d", group.pending()),
                            group.consumers());
                    totalLag += Math.max(0, group.lagEntries());
                    totalPending += group.pending();
                    first = false;
                }
                if (first) {
                    out.printf(ROW, partition.key(), String.format("%,d", partition.length()), "(no groups)", "", "", "", "");
                }
            }
            if (stream.deadLetters() > 0) {
                out.printf(ROW, stream.stream() + ":dlq", String.format("%,d", stream.deadLetters()), "(dead letters)",
                        "", "", "", "");
            }
            totalDead += stream.deadLetters();
        }
        out.printf("%ntotal: %,d entries in %d streams, lag %,d, pending %,d, dead letters %,d%n",
                totalLength, status.size(), totalLag, totalPending, totalDead);
        return 0;
    }
}
