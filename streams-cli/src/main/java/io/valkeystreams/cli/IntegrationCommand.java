package io.valkeystreams.cli;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.HandlerRegistry;
import io.valkeystreams.core.events.ModeTransitionEvent;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code integration}: the seed's end-to-end test, with every group of two streams consuming in-process. */
@Command(name = "integration", mixinStandardHelpOptions = true,
        description = "Provision, run consumers for every group of reputation.events and user.mode.transitions in "
                + "this process, publish, and wait until every group has processed every event. Prints per-group "
                + "counts and latency (publish call to handler); exits 1 on any missing event, any duplicate that is "
                + "not a redelivery, or entries left pending.",
        footer = {"", "Examples:", "  valkey-streams integration --reputation-events 100 --mode-transitions 10",
                "  valkey-streams integration --reputation-events 10000 --mode-transitions 1000 --timeout 2m"})
final class IntegrationCommand implements Callable<Integer> {

    private static final List<String> STREAMS = List.of(PlatformStreams.REPUTATION_EVENTS,
            PlatformStreams.USER_MODE_TRANSITIONS);

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--reputation-events", defaultValue = "100", description = "Reputation events to publish (default ${DEFAULT-VALUE}).")
    int reputationEvents;

    @Option(names = "--mode-transitions", defaultValue = "10", description = "Mode transitions to publish (default ${DEFAULT-VALUE}).")
    int modeTransitions;

    @Option(names = "--users", defaultValue = "25", description = "Distinct users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for every group (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reputationEvents < 0 || modeTransitions < 0 || users < 1) {
            throw new ParameterException(spec.commandLine(), "event counts must be >= 0 and --users >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        StreamCatalog catalog = connection.catalog();
        IntegrationLedger ledger = new IntegrationLedger();
        List<ConsumerContainer> containers = new ArrayList<>();
        try (StreamsConnection streams = connection.connect();
             Publisher publisher = Publisher.builder(streams, catalog).build()) {
            new Provisioner(streams).provision(catalog);
            for (String stream : STREAMS) {
                StreamDefinition definition = catalog.require(stream);
                for (String group : definition.groups()) {
                    ConsumerContainer container = ConsumerContainer.builder(streams, definition, group)
                            .handlers(HandlerRegistry.builder()
                                    .onAny((envelope, delivery) -> ledger.handled(group, delivery)).build())
                            .options(ConsumerOptions.builder().blockTimeout(Duration.ofMillis(500)).build())
                            .build();
                    container.start();
                    containers.add(container);
                }
            }
            long started = System.nanoTime();
            ReputationEventPublisher reputation = new ReputationEventPublisher(publisher);
            ModeTransitionPublisher modes = new ModeTransitionPublisher(publisher);
            for (int i = 0; i < reputationEvents; i++) {
                ReputationEvent event = ReputationEvent.of("it-user-" + (i % users), "integration_test",
                        (i % 21) - 10, null, null, "integration run");
                long sent = System.nanoTime();
                PublishResult result = reputation.publish(event);
                ledger.published(PlatformStreams.REPUTATION_EVENTS, result.eventId(), sent);
            }
            for (int i = 0; i < modeTransitions; i++) {
                long sent = System.nanoTime();
                PublishResult result = modes.publish(ModeTransitionEvent.of("it-user-" + (i % users), "individual",
                        i % 2 == 0 ? "neighborhood" : "group", "integration run"));
                ledger.published(PlatformStreams.USER_MODE_TRANSITIONS, result.eventId(), sent);
            }
            ledger.awaitComplete(catalog, STREAMS, timeout);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            containers.forEach(ConsumerContainer::stop);
            containers.clear();
            boolean ok = ledger.report(out, catalog, STREAMS, elapsedMillis);
            return ok ? 0 : ValkeyStreamsCli.EXIT_FAILURE;
        } finally {
            containers.forEach(ConsumerContainer::stop);
        }
    }
}
