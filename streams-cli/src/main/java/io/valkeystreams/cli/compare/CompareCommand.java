package io.valkeystreams.cli.compare;

import io.valkeystreams.cli.DurationConverter;
import io.valkeystreams.cli.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code compare}: ours against raw Lettuce and Spring Data Redis, in one JVM against one server. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Benchmark valkey-streams against raw Lettuce and Spring Data Redis in one JVM against one "
                + "server: synchronous publish latency, asynchronous and batch publish throughput, consumer drain "
                + "throughput, end-to-end latency at fixed rates (from the intended send time), client CPU per "
                + "1,000 events and idle CPU with every platform group subscribed. Variants run interleaved "
                + "(A B A B ...) after warm-up; the report gives median (min-max) over the rounds and the ratio of "
                + "ours to each peer.",
                "Without --url it starts its own valkey-server from PATH on a free port (--save \"\" "
                        + "--appendonly no). With --url it writes compare.* keys and provisions the platform "
                        + "catalog on that server; use a server of its own."},
        footer = {"", "Examples:", "  valkey-streams compare --quick",
                "  valkey-streams compare --json > compare.json",
                "  valkey-streams compare --only drain,idle --rounds 3",
                "  valkey-streams compare --backlog 1000000"})
public final class CompareCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URI",
            description = "Standalone server to use (redis://host:port). Default: start a dedicated valkey-server.")
    String url;

    @Option(names = "--quick", description = "Smaller sizes and 3 rounds: under two minutes.")
    boolean quick;

    @Option(names = "--json", description = "Print the results as JSON (progress still goes to standard error).")
    boolean json;

    @Option(names = "--only", split = ",", paramLabel = "SCENARIO",
            description = "Run only these: publish-sync, publish-async, drain, e2e, idle (default: all).")
    List<String> only;

    @Option(names = "--rounds", description = "Measured rounds (default 5, --quick 3).")
    Integer rounds;

    @Option(names = "--warmup-rounds", description = "Unmeasured rounds first (default 1).")
    Integer warmupRounds;

    @Option(names = "--sync-events", description = "Events per synchronous publish trial.")
    Integer syncEvents;

    @Option(names = "--async-events", description = "Events per asynchronous or batch publish trial.")
    Integer asyncEvents;

    @Option(names = "--batch-size", description = "Events per publishAll batch (default 1000).")
    Integer batchSize;

    @Option(names = "--drain-events", description = "Backlog per drain trial.")
    Integer drainEvents;

    @Option(names = "--rates", split = ",", description = "End-to-end rates in events/s (default 5000,20000).")
    List<Integer> rates;

    @Option(names = "--e2e-duration", converter = DurationConverter.class,
            description = "Measured part of each end-to-end trial (default 5s, --quick 1s).")
    Duration e2eDuration;

    @Option(names = "--e2e-warmup", converter = DurationConverter.class,
            description = "Unmeasured start of each end-to-end trial (default 1s, --quick 500ms).")
    Duration e2eWarmup;

    @Option(names = "--idle-window", converter = DurationConverter.class,
            description = "Length of each idle CPU window (default 10s, --quick 3s).")
    Duration idleWindow;

    @Option(names = "--backlog", paramLabel = "N",
            description = "Instead of the comparison: drain a backlog of N events with our consumer and report "
                    + "heap used after GC at intervals.")
    Long backlog;

    @Option(names = "--heap-interval", converter = DurationConverter.class, defaultValue = "2s",
            description = "Interval of heap samples with --backlog (default ${DEFAULT-VALUE}).")
    Duration heapInterval;

    @Option(names = "--aof-everysec", description = "Start the dedicated server with --appendonly yes "
            + "--appendfsync everysec instead of no persistence.")
    boolean aofEverySecond;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        Set<String> scenarios = scenarios();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = spec.commandLine().getErr();
        DedicatedServer server = null;
        try {
            String target = url;
            if (target == null || target.isBlank()) {
                server = DedicatedServer.start(aofEverySecond);
                target = server.url();
                progress.println("compare: started " + server.commandLine());
            }
            try (Clients clients = Clients.open(target)) {
                Map<String, Object> environment = environment(clients, server);
                if (backlog != null) {
                    BacklogScenario.Result result = new BacklogScenario(clients).run(backlog, heapInterval, progress);
                    environment.put("load average at end", loadAverage());
                    if (json) {
                        out.println(Json.write(Map.of("environment", environment, "backlog", result)));
                    } else {
                        environment.forEach((name, value) -> out.printf("%s: %s%n", name, value));
                        Report.backlog(result, out);
                    }
                    return 0;
                }
                CompareRun.Outcome outcome = new CompareRun(clients, settings, progress).run(scenarios);
                environment.put("load average at end", loadAverage());
                if (json) {
                    out.println(Json.write(Report.json(outcome, environment)));
                } else {
                    Report.text(outcome, environment, out);
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        return 0;
    }

    private Settings settings() {
        Settings base = quick ? Settings.quick() : Settings.full();
        try {
            return new Settings(or(warmupRounds, base.warmupRounds()), or(rounds, base.rounds()),
                    or(syncEvents, base.syncEvents()), or(asyncEvents, base.asyncEvents()),
                    or(batchSize, base.batchSize()), or(drainEvents, base.drainEvents()),
                    rates == null ? base.rates() : rates, or(e2eWarmup, base.e2eWarmup()),
                    or(e2eDuration, base.e2eDuration()), or(idleWindow, base.idleWindow()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Set<String> scenarios() {
        if (only == null || only.isEmpty()) {
            return new LinkedHashSet<>(CompareRun.SCENARIOS);
        }
        for (String name : only) {
            if (!CompareRun.SCENARIOS.contains(name)) {
                throw new ParameterException(spec.commandLine(), "unknown scenario '" + name + "' in --only; "
                        + "choose from " + CompareRun.SCENARIOS);
            }
        }
        return new LinkedHashSet<>(only);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Map<String, Object> environment(Clients clients, DedicatedServer server) {
        Map<String, Object> environment = new LinkedHashMap<>();
        String info = clients.raw().info("server");
        environment.put("server", (info.contains("valkey_version:") ? "valkey " + field(info, "valkey_version:")
                : "redis " + field(info, "redis_version:")) + (server == null
                ? " at " + clients.url() : ", dedicated: " + server.commandLine()));
        environment.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap");
        environment.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        environment.put("clients", "lettuce " + version("io.lettuce", "lettuce-core") + ", spring-data-redis "
                + version("org.springframework.data", "spring-data-redis"));
        environment.put("load average at start", loadAverage());
        return environment;
    }

    private static String field(String info, String prefix) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return "?";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
        return System.getProperty("os.arch");
    }

    private static String version(String group, String artifact) {
        try (InputStream in = CompareCommand.class.getResourceAsStream(
                "/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "?";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
