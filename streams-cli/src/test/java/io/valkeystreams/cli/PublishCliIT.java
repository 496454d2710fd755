package io.valkeystreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@ValkeyTest
class PublishCliIT {

    @Test
    void publishWritesOneEventToThePartitionOfItsKey(ValkeyServer server) {
        CliIT.Result result = CliIT.run("publish", "reputation.events", "--key", "user-1", "event_type=exchange_completed",
                "user_id=user-1", "impact_score=3.5", "--url", server.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("reputation.events:4 ").contains("(partition 4, event_id ");
        @SuppressWarnings("unchecked")
        List<Object> entry = (List<Object>) ((List<Object>) ((SpawnedValkeyServer) server)
                .call("XRANGE", "reputation.events:4", "-", "+")).get(0);
        assertThat((List<Object>) entry.get(1)).containsSubsequence("impact_score", "3.5")
                .contains("event_id", "timestamp", "stream_name", "priority");
    }

    @Test
    void publishRefusesAnEventWithoutATypeOrWithAMalformedField(ValkeyServer server) {
        CliIT.Result untyped = CliIT.run("publish", "reputation.events", "user_id=u", "--url", server.url());
        assertThat(untyped.exitCode()).isEqualTo(1);
        assertThat(untyped.err()).contains("needs a non-blank 'event_type'");

        CliIT.Result malformed = CliIT.run("publish", "reputation.events", "event_type", "--url", server.url());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("'event_type' is not FIELD=VALUE");

        CliIT.Result unknown = CliIT.run("publish", "nope", "event_type=x", "--url", server.url());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown stream 'nope'; known streams: reputation.events");
    }

    @Test
    void perfReportsTheLatencyFiguresAndPassesWithinTheBound(ValkeyServer server) {
        CliIT.Result result = CliIT.run("perf", "--events", "300", "--warmup", "100", "--max-latency", "10ms",
                "--url", server.url());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("published 300 events", "avg ", "p50 ", "p99 ", "p99.9 ", "max ", "PASS");
    }

    @Test
    void perfFailsWhenTheAverageExceedsTheBound(ValkeyServer server) {
        CliIT.Result result = CliIT.run("perf", "--events", "50", "--warmup", "0", "--max-latency", "1us",
                "--url", server.url());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL: average");
    }

    @Test
    void perfRefusesABadDuration() {
        CliIT.Result result = CliIT.run("perf", "--max-latency", "fast");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'fast' is not a duration");
    }
}
