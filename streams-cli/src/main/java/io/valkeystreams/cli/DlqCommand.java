package io.valkeystreams.cli;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.deadletter.DeadLetter;
import io.valkeystreams.core.deadletter.DeadLetters;
import io.valkeystreams.core.deadletter.ReplayResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlq list|show|replay|purge}: inspect and act on a stream's dead letters. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect and act on the dead letters of a stream (<stream>:dlq): entries a consumer group "
                + "gave up on, with the group, the source entry, the number of deliveries and the error.",
        subcommands = {DlqCommand.ListDeadLetters.class, DlqCommand.ShowDeadLetter.class,
                DlqCommand.ReplayDeadLetters.class, DlqCommand.PurgeDeadLetters.class},
        footer = {"", "Examples:",
                "  valkey-streams dlq list reputation.events",
                "  valkey-streams dlq show reputation.events 1718000000000-0",
                "  valkey-streams dlq replay reputation.events 1718000000000-0",
                "  valkey-streams dlq replay reputation.events --all --group trust_level_updater",
                "  valkey-streams dlq purge reputation.events --all"})
final class DlqCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, show, replay or purge");
    }

    /** {@code dlq list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the oldest dead letters of a stream.",
            footer = {"", "Examples:", "  valkey-streams dlq list reputation.events",
                    "  valkey-streams dlq list reputation.events --limit 100 --json"})
    static final class ListDeadLetters implements Callable<Integer> {

        private static final String ROW = "%-20s %-24s %10s  %-24s %-20s %s%n";
        private static final int ERROR_WIDTH = 70;

        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "STREAM", description = "Base stream name, such as reputation.events.")
        String stream;

        @Option(names = "--group", paramLabel = "GROUP", description = "Only dead letters of this consumer group.")
        String group;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print the dead letters as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StreamsConnection streams = connection.connect()) {
                DeadLetters deadLetters = DeadLetters.create(streams, connection.catalog());
                List<DeadLetter> letters = deadLetters.list(stream, group, limit);
                if (json) {
                    out.println(Json.write(letters));
                    return 0;
                }
                out.printf(ROW, "ID", "GROUP", "DELIVERIES", "FAILED AT", "EVENT TYPE", "ERROR");
                for (DeadLetter letter : letters) {
                    out.printf(ROW, letter.id(), letter.group(), letter.deliveries(), letter.failedAt(),
                            letter.eventType(), shorten(letter.error()));
                }
                out.printf("%nshowing %d of %,d dead letters of %s%n", letters.size(), deadLetters.count(stream), stream);
            }
            return 0;
        }

        private static String shorten(String text) {
            if (text == null) {
                return "";
            }
            String oneLine = text.replace('\n', ' ');
            return oneLine.length() <= ERROR_WIDTH ? oneLine : oneLine.substring(0, ERROR_WIDTH - 1) + "…";
        }
    }

    /** {@code dlq show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one dead letter with all its fields.",
            footer = {"", "Examples:", "  valkey-streams dlq show reputation.events 1718000000000-0",
                    "  valkey-streams dlq show reputation.events 1718000000000-0 --json"})
    static final class ShowDeadLetter implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", paramLabel = "STREAM", description = "Base stream name.")
        String stream;

        @Parameters(index = "1", paramLabel = "ID", description = "Entry ID of the dead letter (from 'dlq list').")
        String id;

        @Option(names = "--json", description = "Print the dead letter as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StreamsConnection streams = connection.connect()) {
                DeadLetter letter = DeadLetters.create(streams, connection.catalog()).show(stream, id)
                        .orElseThrow(() -> new StreamsException("dead letter '" + id + "' does not exist in "
                                + stream + ":dlq; see 'valkey-streams dlq list " + stream + "'"));
                if (json) {
                    out.println(Json.write(letter));
                    return 0;
                }
                out.printf("id:          %s%ngroup:       %s%nsource:      %s %s%ndeliveries:  %d%nfailed at:   %s%n"
                                + "error:       %s%nfields:%n", letter.id(), letter.group(), letter.source(),
                        letter.sourceId(), letter.deliveries(), letter.failedAt(), letter.error());
                for (Map.Entry<String, String> field : letter.fields().entrySet()) {
                    out.printf("  %s = %s%n", field.getKey(), field.getValue());
                }
            }
            return 0;
        }
    }

    /** {@code dlq replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Write dead letters back to their source partition for the group that failed them (and "
                    + "no other group), with the same event_id, then delete them from the dead-letter stream.",
            footer = {"", "Examples:", "  valkey-streams dlq replay reputation.events 1718000000000-0 1718000000001-0",
                    "  valkey-streams dlq replay reputation.events --all --group trust_level_updater --json"})
    static final class ReplayDeadLetters implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        Selection selection;

        @Option(names = "--json", description = "Print what was replayed as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            selection.validate(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (StreamsConnection streams = connection.connect()) {
                DeadLetters deadLetters = DeadLetters.create(streams, connection.catalog());
                List<ReplayResult> results = selection.all
                        ? deadLetters.replayAll(selection.stream, selection.group)
                        : selection.ids.stream().map(id -> deadLetters.replay(selection.stream, id)).toList();
                if (json) {
                    out.println(Json.write(results));
                    return 0;
                }
                for (ReplayResult result : results) {
                    out.printf("replayed %s to %s as %s for group %s%n", result.deadLetterId(), result.sourceKey(),
                            result.entryId(), result.group());
                }
                out.printf("replayed %d dead letters of %s%n", results.size(), selection.stream);
            }
            return 0;
        }
    }

    /** {@code dlq purge}. */
    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Delete dead letters for good.",
            footer = {"", "Examples:", "  valkey-streams dlq purge reputation.events 1718000000000-0",
                    "  valkey-streams dlq purge reputation.events --all --group analytics_service"})
    static final class PurgeDeadLetters implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        Selection selection;

        @Option(names = "--json", description = "Print the number purged as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            selection.validate(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (StreamsConnection streams = connection.connect()) {
                DeadLetters deadLetters = DeadLetters.create(streams, connection.catalog());
                long purged = selection.all
                        ? deadLetters.purgeAll(selection.stream, selection.group)
                        : selection.ids.stream().filter(id -> deadLetters.purge(selection.stream, id)).count();
                if (json) {
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("stream", selection.stream);
                    report.put("purged", purged);
                    out.println(Json.write(report));
                } else {
                    out.printf("purged %d dead letters of %s%n", purged, selection.stream);
                }
            }
            return 0;
        }
    }

    /** STREAM and either entry IDs or {@code --all} (optionally with {@code --group}). */
    static final class Selection {

        @Parameters(index = "0", paramLabel = "STREAM", description = "Base stream name.")
        String stream;

        @Parameters(index = "1..*", paramLabel = "ID", description = "Entry IDs of dead letters (from 'dlq list').")
        List<String> ids = List.of();

        @Option(names = "--all", description = "Every dead letter of the stream (of --group only, when given).")
        boolean all;

        @Option(names = "--group", paramLabel = "GROUP", description = "With --all: only dead letters of this group.")
        String group;

        void validate(CommandSpec spec) {
            if (all == !ids.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Give dead-letter IDs or --all, not "
                        + (all ? "both" : "neither"));
            }
            if (group != null && !all) {
                throw new ParameterException(spec.commandLine(), "--group works with --all only");
            }
        }
    }
}
