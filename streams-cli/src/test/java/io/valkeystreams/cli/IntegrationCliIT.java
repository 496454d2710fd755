package io.valkeystreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import org.junit.jupiter.api.Test;

@ValkeyTest
class IntegrationCliIT {

    @Test
    void theSeedsEndToEndTestPassesAndReportsEveryGroup(ValkeyServer server) {
        CliIT.Result result = CliIT.run("integration", "--reputation-events", "100", "--mode-transitions", "10",
                "--url", server.url());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("reputation_calculator", "trust_level_updater", "notification_service",
                "reputation_service", "PASS: 110 events to 6 groups");
        assertThat(result.out().lines().filter(line -> line.startsWith("reputation.events ")))
                .hasSize(3).allSatisfy(line -> assertThat(line).contains("      100       100"));
    }

    @Test
    void theSeedsLoadTestProcessesAThousandEventsCompletelyAndReportsTheTime(ValkeyServer server) {
        CliIT.Result result = CliIT.run("integration", "--reputation-events", "1000", "--mode-transitions", "0",
                "--timeout", "120s", "--url", server.url());

        assertThat(result.exitCode()).as(result.out()).isZero();
        String summary = result.out().lines().filter(line -> line.startsWith("PASS")).findFirst().orElseThrow();
        assertThat(summary).startsWith("PASS: 1,000 events to 3 groups in ");
        System.out.println("seed load test (1,000 reputation events, 3 groups): " + summary);
    }

    @Test
    void badCountsAreUsageErrors() {
        CliIT.Result result = CliIT.run("integration", "--reputation-events", "-1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("event counts must be >= 0");
    }
}
