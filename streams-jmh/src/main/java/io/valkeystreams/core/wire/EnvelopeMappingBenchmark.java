package io.valkeystreams.core.wire;

import io.valkeystreams.core.events.ReputationEvent;
import java.util.LinkedHashMap;
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

/**
 * Envelope mapping both ways: an event record to its wire fields, an entry's fields to an envelope (with and
 * without copying the map) and back to the record. Run with {@code -prof gc} for bytes allocated per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvelopeMappingBenchmark {

    private final JacksonEventCodec codec = new JacksonEventCodec();
    private final ReputationEvent event = ReputationEvent.of("user-1234", "exchange_completed", 2.5, "group-42",
            "exchange-1000000042", "exchange completed on time");
    private final Map<String, String> entry = entry();

    private static Map<String, String> entry() {
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

    /** Record to wire fields (the codec's part of a publish). */
    @Benchmark
    public EncodedEvent encode() {
        return codec.encode(event);
    }

    /** Entry fields to an envelope, copying the map (the public parse). */
    @Benchmark
    public Envelope parse() {
        return Envelope.parse(entry);
    }

    /** Entry fields to an envelope, keeping the map (what the consumer does). */
    @Benchmark
    public Envelope adopt() {
        return Envelope.adopt(entry);
    }

    /** Entry fields to the typed record (what a typed handler costs on top). */
    @Benchmark
    public ReputationEvent decode() {
        return codec.decode(entry, ReputationEvent.class);
    }
}
