package io.valkeystreams.spring.consume;

import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.EntryLimits;
import io.valkeystreams.core.retry.ExponentialBackOff;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Turns the consumer properties into the options of one (stream, group): group value, else all-groups value, else default. */
public final class ConsumerOptionsResolver implements BiFunction<String, String, ConsumerOptions> {

    private final ConsumerSettings all;
    private final Map<String, ConsumerSettings> groups;

    /** Creates the resolver over all-groups settings and per-group settings keyed by {@code stream/group}. */
    public ConsumerOptionsResolver(ConsumerSettings all, Map<String, ConsumerSettings> groups) {
        this.all = all;
        this.groups = Map.copyOf(groups);
    }

    @Override
    public ConsumerOptions apply(String stream, String group) {
        ConsumerSettings own = groups.getOrDefault(stream + "/" + group, new ConsumerSettings());
        ConsumerOptions defaults = ConsumerOptions.defaults();
        ExponentialBackOff backOff = defaults.backOff();
        return ConsumerOptions.builder()
                .batchSize(pick(own, ConsumerSettings::getBatchSize, defaults.batchSize()))
                .blockTimeout(pick(own, ConsumerSettings::getBlockTimeout, defaults.blockTimeout()))
                .partitionConcurrency(pick(own, ConsumerSettings::getPartitionConcurrency, defaults.partitionConcurrency()))
                .maxDeliveries(pick(own, ConsumerSettings::getMaxDeliveries, defaults.maxDeliveries()))
                .backOff(pick(own, ConsumerSettings::getBackoffInitial, backOff.initial()),
                        pick(own, ConsumerSettings::getBackoffMultiplier, backOff.multiplier()),
                        pick(own, ConsumerSettings::getBackoffMax, backOff.max()),
                        pick(own, ConsumerSettings::getBackoffJitter, backOff.jitter()))
                .unknownTypePolicy(pick(own, ConsumerSettings::getUnknownTypePolicy, defaults.unknownTypePolicy()))
                .shutdownTimeout(pick(own, ConsumerSettings::getShutdownTimeout, defaults.shutdownTimeout()))
                .takeoverAfter(pick(own, ConsumerSettings::getTakeoverAfter, defaults.takeoverAfter()))
                .limits(new EntryLimits(pick(own, ConsumerSettings::getMaxEntryBytes, defaults.limits().maxEntryBytes()),
                        pick(own, ConsumerSettings::getMaxFields, defaults.limits().maxFields())))
                .mode(pick(own, ConsumerSettings::getMode, defaults.mode()))
                .leases(pick(own, ConsumerSettings::getLeaseTime, defaults.leases().leaseTime()),
                        pick(own, ConsumerSettings::getLeaseRenewInterval, defaults.leases().renewInterval()))
                .pollInterval(pick(own, ConsumerSettings::getPollInterval, null))
                .build();
    }

    private <T> T pick(ConsumerSettings own, Function<ConsumerSettings, T> value, T fallback) {
        T mine = value.apply(own);
        if (mine != null) {
            return mine;
        }
        T shared = value.apply(all);
        return shared != null ? shared : fallback;
    }
}
