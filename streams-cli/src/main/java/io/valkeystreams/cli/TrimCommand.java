package io.valkeystreams.cli;

import io.valkeystreams.core.admin.RetentionTrimmer;
import io.valkeystreams.core.admin.TrimMode;
import io.valkeystreams.core.admin.TrimReport;
import io.valkeystreams.core.connection.StreamsConnection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trim}: applies time retention now. */
@Command(name = "trim", mixinStandardHelpOptions = true,
        description = "Remove entries older than each stream's retention now (partition keys and dead-letter "
                + "streams). Exact by default; --approximate removes whole internal nodes only, as the schedule does.",
        footer = {"", "Examples:", "  valkey-streams trim", "  valkey-streams trim --approximate --json"})
final class TrimCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--approximate", description = "Use XTRIM MINID ~ (cheaper; may keep a few old entries).")
    boolean approximate;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StreamsConnection streams = connection.connect()) {
            TrimReport report = new RetentionTrimmer(streams)
                    .trim(connection.catalog(), approximate ? TrimMode.APPROXIMATE : TrimMode.EXACT);
            if (json) {
                out.println(Json.write(report));
                return 0;
            }
            for (TrimReport.KeyTrim key : report.keys()) {
                if (key.removed() > 0) {
                    out.printf("%-36s removed %,d entries older than %s%n", key.key(), key.removed(), key.minId());
                }
            }
            out.printf("removed %,d entries from %d keys in %d ms%n", report.totalRemoved(), report.keys().size(),
                    report.elapsed().toMillis());
        }
        return 0;
    }
}
