package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.retry.BackOffPolicy;
import io.valkeystreams.core.retry.ExceptionClassifier;
import io.valkeystreams.core.retry.Recoverer;
import io.valkeystreams.core.wire.EventCodec;
import java.time.Clock;

/** Everything a container is built from, validated by {@link ConsumerContainer.Builder}. */
record ContainerSetup(StreamsConnection connection, StreamDefinition definition, String group, String consumerName,
                      HandlerRegistry handlers, ConsumerOptions options, EventCodec codec, ConsumerListener listener,
                      BackOffPolicy backOff, ExceptionClassifier classifier, Recoverer recoverer, Clock clock,
                      ReadPlan readPlan) {
}
