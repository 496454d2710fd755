package io.valkeystreams.core.publish;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.wire.JacksonEventCodec;
import java.time.Clock;
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
 * Publishing without the server: a request turned into a ready {@code XADD} (partition, encoding, metadata,
 * RESP arguments), and the partitioner alone. Run with {@code -prof gc} for bytes allocated per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EntryPreparerBenchmark {

    private final EntryPreparer preparer = new EntryPreparer(StreamCatalog.platform(), new JacksonEventCodec(),
            PublisherOptions.DEFAULT_MAX_PAYLOAD_BYTES, Clock.systemUTC());
    private final Partitioner partitioner = new Partitioner();
    private final PublishRequest request = PublishRequest.of("reputation.events", "user-1234",
            ReputationEvent.of("user-1234", "exchange_completed", 2.5, "group-42", "exchange-1000000042",
                    "exchange completed on time"));
    private final StreamDefinition keyless = StreamCatalog.platform().require("analytics.business.events");
    private long counter;

    /** Request to ready XADD arguments: what each publish costs in this JVM before any I/O. */
    @Benchmark
    public EncodedXAdd prepare() {
        return preparer.prepare(request).command();
    }

    /** CRC-32 of a key, modulo the partition count. */
    @Benchmark
    public int partitionOfKey() {
        return Partitioner.partitionOf("user-" + (counter++ & 1023), 8);
    }

    /** Round-robin partition of a keyless event. */
    @Benchmark
    public int partitionWithoutKey() {
        return partitioner.partition(keyless, null);
    }
}
