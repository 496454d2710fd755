package io.valkeystreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class DlqCommandIT {

    private static final String STREAM = "reputation.events";
    private static final String DLQ = "reputation.events:dlq";

    private StreamsConnection connection;
    private String url;

    @BeforeEach
    void init(ValkeyServer server) {
        url = server.url();
        connection = StreamsConnection.connect(url);
        assertThat(CliIT.run("init", "--url", url).exitCode()).isZero();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void listShowsTheDeadLettersAsTableAndJson() {
        String first = deadLetter("trust_level_updater", "java.lang.IllegalStateException: trust store down");
        deadLetter("analytics_service", "boom");

        CliIT.Result table = CliIT.run("dlq", "list", STREAM, "--url", url);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("ID", "GROUP", first, "trust_level_updater", "analytics_service",
                "java.lang.IllegalStateException: trust store down", "showing 2 of 2 dead letters of reputation.events");

        CliIT.Result filtered = CliIT.run("dlq", "list", STREAM, "--group", "analytics_service", "--json", "--url", url);
        assertThat(filtered.exitCode()).isZero();
        assertThat(filtered.out()).contains("\"group\" : \"analytics_service\"").doesNotContain("trust_level_updater");
    }

    @Test
    void showPrintsEveryFieldAndAnUnknownIdIsOneLine() {
        String id = deadLetter("trust_level_updater", "boom");

        CliIT.Result shown = CliIT.run("dlq", "show", STREAM, id, "--url", url);
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("group:       trust_level_updater", "source:      reputation.events:3 1-0",
                "user_id = user-1", "event_type = reputation_changed");

        CliIT.Result missing = CliIT.run("dlq", "show", STREAM, "1-1", "--url", url);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("valkey-streams show: dead letter '1-1' does not exist in "
                + "reputation.events:dlq; see 'valkey-streams dlq list reputation.events'");
    }

    @Test
    void replayWritesTheEntryBackForTheFailedGroupOnly() {
        String id = deadLetter("trust_level_updater", "boom");

        CliIT.Result replay = CliIT.run("dlq", "replay", STREAM, id, "--url", url);

        assertThat(replay.exitCode()).isZero();
        assertThat(replay.out()).contains("replayed " + id + " to reputation.events:3 as ", "for group trust_level_updater",
                "replayed 1 dead letters of reputation.events");
        assertThat(connection.sync().xlen(DLQ)).isZero();
        List<StreamMessage<String, String>> source = connection.sync().xrange("reputation.events:3", Range.create("-", "+"));
        assertThat(source).hasSize(1);
        assertThat(source.get(0).getBody()).containsEntry("replay_group", "trust_level_updater")
                .containsEntry("user_id", "user-1").doesNotContainKeys("dlq_group", "dlq_error");
    }

    @Test
    void purgeDeletesByIdOrAllOfAGroupOrAll() {
        String first = deadLetter("trust_level_updater", "a");
        deadLetter("analytics_service", "b");
        deadLetter("analytics_service", "c");
        deadLetter("trust_level_updater", "d");

        assertThat(CliIT.run("dlq", "purge", STREAM, first, "--url", url).out()).contains("purged 1 dead letters");
        assertThat(CliIT.run("dlq", "purge", STREAM, "--all", "--group", "analytics_service", "--json", "--url", url).out())
                .contains("\"purged\" : 2");
        assertThat(CliIT.run("dlq", "purge", STREAM, "--all", "--url", url).out()).contains("purged 1 dead letters");
        assertThat(connection.sync().xlen(DLQ)).isZero();
    }

    @Test
    void mistakesAreOneLineWithTheRightExitCode() {
        CliIT.Result unknown = CliIT.run("dlq", "list", "nope", "--url", url);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).startsWith("valkey-streams list: unknown stream 'nope'; known streams:")
                .doesNotContain("\n");

        CliIT.Result neither = CliIT.run("dlq", "replay", STREAM, "--url", url);
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("Give dead-letter IDs or --all, not neither");

        CliIT.Result groupWithIds = CliIT.run("dlq", "purge", STREAM, "1-0", "--group", "x", "--url", url);
        assertThat(groupWithIds.exitCode()).isEqualTo(2);
        assertThat(groupWithIds.err()).contains("--group works with --all only");

        CliIT.Result badId = CliIT.run("dlq", "purge", STREAM, "abc", "--url", url);
        assertThat(badId.exitCode()).isEqualTo(1);
        assertThat(badId.err()).contains("dead letter id must be an entry ID like 1718000000000-0, was 'abc'");

        CliIT.Result bare = CliIT.run("dlq");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("Missing subcommand: list, show, replay or purge");
    }

    @Test
    void dlqAndEachSubcommandHaveHelpWithExamples() {
        for (List<String> command : List.of(List.of("dlq"), List.of("dlq", "list"), List.of("dlq", "show"),
                List.of("dlq", "replay"), List.of("dlq", "purge"))) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliIT.Result help = CliIT.run(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(command.toString()).isZero();
            assertThat(help.out()).as(command.toString()).contains("Examples:");
        }
        assertThat(CliIT.run("dlq", "list", "--help").out()).contains("--url", "--json", "--group", "--limit");
    }

    private String deadLetter(String group, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", "user-1");
        fields.put("impact_score", "5");
        fields.put("event_id", UUID.randomUUID().toString());
        fields.put("event_type", "reputation_changed");
        fields.put("stream_name", STREAM);
        fields.put("partition", "3");
        fields.put("dlq_group", group);
        fields.put("dlq_source", "reputation.events:3");
        fields.put("dlq_source_id", "1-0");
        fields.put("dlq_deliveries", "5");
        fields.put("dlq_error", error);
        fields.put("dlq_failed_at", "1700000000000");
        return connection.sync().xadd(DLQ, fields);
    }
}
