package io.valkeystreams.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ValkeyTest
class CompareCommandIT {

    private static final String[] TINY = {"--quick", "--rounds", "1", "--warmup-rounds", "0", "--sync-events", "50",
            "--async-events", "300", "--batch-size", "100", "--drain-events", "300", "--rates", "1000",
            "--e2e-warmup", "200ms", "--e2e-duration", "300ms", "--idle-window", "300ms"};

    @Test
    void quickComparisonWithTinySizesPrintsEveryRatioAsJson(ValkeyServer server) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new CompareCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] args = concat(TINY, "--json", "--url", server.url());

        int exit = command.execute(args);

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        assertThat(json.get("families")).hasSize(4);
        assertThat(json.get("ratios").valueStream().map(r -> r.get("name").asString()).toList()).contains(
                "sync publish p50 vs lettuce", "batch publish throughput vs lettuce async",
                "drain throughput vs lettuce loop", "drain throughput vs spring-data-redis",
                "end-to-end p99 at 1000/s vs lettuce");
        assertThat(json.get("ratios").valueStream().allMatch(r -> r.get("ratio").isNumber())).isTrue();
        assertThat(json.get("idle_cpu").get("containers").asInt()).isEqualTo(20);
    }

    @Test
    void textReportHasATablePerScenarioAndTheRatios(ValkeyServer server) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new CompareCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));

        int exit = command.execute(concat(TINY, "--only", "publish-sync,drain", "--url", server.url()));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("### publish-sync", "### drain", "| valkey-streams |", "| lettuce |",
                "| spring-data-redis |", "sync publish p50 vs lettuce", "drain throughput vs lettuce loop");
    }

    @Test
    void backlogReportsHeapAfterGc(ValkeyServer server) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new CompareCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new StringWriter(), true));

        int exit = command.execute("--backlog", "2000", "--heap-interval", "100ms", "--url", server.url());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("### backlog: 2,000 events", "heap after GC MiB", "| after | 2,000 |");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
