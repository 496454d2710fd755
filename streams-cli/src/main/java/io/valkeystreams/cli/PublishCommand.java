package io.valkeystreams.cli;

import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code publish}: writes one event given as field=value pairs. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish one event to a catalog stream, with the wire format's metadata added. "
                + "The fields must include event_type.",
        footer = {"", "Examples:",
                "  valkey-streams publish reputation.events --key user-1 event_type=exchange_completed "
                        + "user_id=user-1 impact_score=3.5",
                "  valkey-streams publish analytics.platform.metrics event_type=platform_metric service=api value=12 --json"})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "STREAM", description = "Base stream name, such as reputation.events.")
    String stream;

    @Parameters(index = "1..*", paramLabel = "FIELD=VALUE", arity = "1..*", description = "The event's fields.")
    List<String> fields;

    @Option(names = "--key", paramLabel = "K", description = "Partition key (user ID, group ID …); omit to spread evenly.")
    String key;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> event = new LinkedHashMap<>();
        for (String field : fields) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new ParameterException(spec.commandLine(), "'" + field + "' is not FIELD=VALUE");
            }
            event.put(field.substring(0, equals), field.substring(equals + 1));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StreamsConnection streams = connection.connect();
             Publisher publisher = Publisher.builder(streams, connection.catalog()).build()) {
            PublishResult result = publisher.publish(stream, key, event);
            if (json) {
                out.println(Json.write(Map.of("stream", result.key().key(), "id", result.entryId(),
                        "partition", result.partition(), "event_id", result.eventId())));
            } else {
                out.printf("%s %s (partition %d, event_id %s)%n", result.key().key(), result.entryId(),
                        result.partition(), result.eventId());
            }
        }
        return 0;
    }
}
