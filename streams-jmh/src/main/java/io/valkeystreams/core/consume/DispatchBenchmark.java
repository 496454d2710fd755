package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.retry.ExceptionClassifier;
import io.valkeystreams.core.wire.JacksonEventCodec;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Consumer dispatch of one entry without the server: in-flight bookkeeping, envelope, route, handler call
 * and listener, for a raw handler and a typed one (which adds decoding). Run with {@code -prof gc} for
 * bytes allocated per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {

    private final StreamKey key = new StreamKey("reputation.events", 4, "reputation.events:4");
    private final Map<String, String> fields = fields();
    private final InFlight inFlight = new InFlight();
    private final EntryProcessor raw = processor(HandlerRegistry.builder()
            .onRaw("exchange_completed", (envelope, delivery) -> { }).build());
    private final EntryProcessor typed = processor(HandlerRegistry.builder()
            .on("exchange_completed", ReputationEvent.class, (event, delivery) -> { }).build());
    private long sequence;

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", "user-1234");
        fields.put("impact_score", "2.5");
        fields.put("group_id", "group-42");
        fields.put("exchange_id", "exchange-1000000042");
        fields.put("description", "exchange completed on time");
        fields.put("processing_priority", "normal");
        fields.put("event_id", "6f1c1f9e-3b53-4a55-9d57-1f7c7a2a0e11");
        fields.put("event_type", "exchange_completed");
        fields.put("timestamp", "1796400000");
        fields.put("stream_name", "reputation.events");
        fields.put("partition", "4");
        fields.put("priority", "high");
        return fields;
    }

    private static EntryProcessor processor(HandlerRegistry handlers) {
        ConsumerOptions options = ConsumerOptions.defaults();
        return new EntryProcessor("reputation_calculator", handlers, new JacksonEventCodec(), options,
                options.backOff(), ExceptionClassifier.standard(), failed -> { },
                new GuardedListener(ConsumerListener.NO_OP), Clock.systemUTC());
    }

    /** One entry through in-flight tracking and a raw handler. */
    @Benchmark
    public void rawHandler(Blackhole hole) {
        hole.consume(dispatch(raw));
    }

    /** One entry through in-flight tracking and a typed handler (decoding included). */
    @Benchmark
    public void typedHandler(Blackhole hole) {
        hole.consume(dispatch(typed));
    }

    private EntryProcessor.Outcome dispatch(EntryProcessor processor) {
        String id = "1796400000000-" + sequence++;
        inFlight.add(key, id);
        EntryProcessor.Outcome outcome = processor.process(new Work(key, id, fields, 1, 0), () -> false);
        inFlight.remove(key, List.of(id));
        return outcome;
    }
}
