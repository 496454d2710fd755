package io.valkeystreams.spring;

import io.valkeystreams.core.catalog.Priority;
import io.valkeystreams.core.publish.OverflowPolicy;
import io.valkeystreams.core.publish.PublisherOptions;
import io.valkeystreams.spring.consume.ConsumerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of valkey-streams under {@code valkey.streams.*}. The connection itself comes from
 * Spring Boot's {@code spring.data.redis.*}.
 */
@ConfigurationProperties("valkey.streams")
public class StreamsProperties {

    /** Whether to create every stream key and consumer group of the catalog at start-up. */
    private boolean provision = true;

    /** Additional application streams, by name. The seven platform streams cannot be redefined. */
    private Map<String, StreamSpec> streams = new LinkedHashMap<>();

    /** Extra consumer groups for existing streams (platform streams included), by stream name. */
    private Map<String, List<String>> extraGroups = new LinkedHashMap<>();

    private final Publisher publisher = new Publisher();

    private final Retention retention = new Retention();

    private final Lag lag = new Lag();

    private final Endpoint endpoint = new Endpoint();

    private final Analytics analytics = new Analytics();

    private final Consumer consumer = new Consumer();

    public boolean isProvision() {
        return provision;
    }

    public void setProvision(boolean provision) {
        this.provision = provision;
    }

    public Map<String, StreamSpec> getStreams() {
        return streams;
    }

    public void setStreams(Map<String, StreamSpec> streams) {
        this.streams = streams;
    }

    public Map<String, List<String>> getExtraGroups() {
        return extraGroups;
    }

    public void setExtraGroups(Map<String, List<String>> extraGroups) {
        this.extraGroups = extraGroups;
    }

    public Publisher getPublisher() {
        return publisher;
    }

    public Retention getRetention() {
        return retention;
    }

    public Lag getLag() {
        return lag;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public Analytics getAnalytics() {
        return analytics;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    /** Consumer settings: these apply to every group; {@code groups[<stream>/<group>]} overrides them. */
    public static class Consumer extends ConsumerSettings {

        /** Whether containers for {@code @StreamHandler} methods are created and started. */
        private boolean enabled = true;

        /** Settings of single groups, keyed by "stream/group". */
        private Map<String, ConsumerSettings> groups = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Map<String, ConsumerSettings> getGroups() {
            return groups;
        }

        public void setGroups(Map<String, ConsumerSettings> groups) {
            this.groups = groups;
        }
    }

    /** An application stream. */
    public static class StreamSpec {

        /** Number of partitions (keys). */
        private int partitions = 1;

        /** Entries older than this are removed by retention trimming. */
        private Duration retention = Duration.ofDays(7);

        /** Approximate total length limit, split evenly over the partitions. */
        private long maxLength = 100_000;

        /** Consumer groups created on every partition key. */
        private List<String> groups = new ArrayList<>();

        /** Processing priority: high streams are announced on priority.events. */
        private Priority priority = Priority.MEDIUM;

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public long getMaxLength() {
            return maxLength;
        }

        public void setMaxLength(long maxLength) {
            this.maxLength = maxLength;
        }

        public List<String> getGroups() {
            return groups;
        }

        public void setGroups(List<String> groups) {
            this.groups = groups;
        }

        public Priority getPriority() {
            return priority;
        }

        public void setPriority(Priority priority) {
            this.priority = priority;
        }
    }

    /** Publisher settings. */
    public static class Publisher {

        /** Asynchronous publishes allowed in flight at once. */
        private int maxInFlight = PublisherOptions.DEFAULT_MAX_IN_FLIGHT;

        /** What an asynchronous publish does past the in-flight limit: block (up to overflow-timeout) or reject. */
        private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;

        /** How long a blocked asynchronous publish waits for a slot. */
        private Duration overflowTimeout = PublisherOptions.DEFAULT_OVERFLOW_TIMEOUT;

        /** Largest entry accepted, in bytes of field names and values. */
        private int maxPayloadBytes = PublisherOptions.DEFAULT_MAX_PAYLOAD_BYTES;

        /** Replicas that must acknowledge each publish (WAIT); 0 for none. */
        private int waitReplicas;

        /** Whether each publish waits for the append-only file to be fsynced (WAITAOF). */
        private boolean waitAof;

        /** How long a publish waits for replicas or the append-only file. */
        private Duration waitTimeout = Duration.ofSeconds(1);

        /** Whether high-priority publishes are announced on the priority.events channel. */
        private boolean notifyHighPriority = true;

        public int getMaxInFlight() {
            return maxInFlight;
        }

        public void setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        public OverflowPolicy getOverflowPolicy() {
            return overflowPolicy;
        }

        public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
        }

        public Duration getOverflowTimeout() {
            return overflowTimeout;
        }

        public void setOverflowTimeout(Duration overflowTimeout) {
            this.overflowTimeout = overflowTimeout;
        }

        public int getMaxPayloadBytes() {
            return maxPayloadBytes;
        }

        public void setMaxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
        }

        public int getWaitReplicas() {
            return waitReplicas;
        }

        public void setWaitReplicas(int waitReplicas) {
            this.waitReplicas = waitReplicas;
        }

        public boolean isWaitAof() {
            return waitAof;
        }

        public void setWaitAof(boolean waitAof) {
            this.waitAof = waitAof;
        }

        public Duration getWaitTimeout() {
            return waitTimeout;
        }

        public void setWaitTimeout(Duration waitTimeout) {
            this.waitTimeout = waitTimeout;
        }

        public boolean isNotifyHighPriority() {
            return notifyHighPriority;
        }

        public void setNotifyHighPriority(boolean notifyHighPriority) {
            this.notifyHighPriority = notifyHighPriority;
        }
    }

    /** Time retention settings. */
    public static class Retention {

        /** Whether entries older than each stream's retention are trimmed on a schedule. */
        private boolean enabled = true;

        /** Delay between retention runs. */
        private Duration interval = Duration.ofMinutes(10);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** Lag collection and thresholds. */
    public static class Lag {

        /** How often stream lengths, lag and pending counts are collected for metrics and health. */
        private Duration interval = Duration.ofSeconds(10);

        /** Lag (age of the oldest undelivered entry) past which a group degrades health. */
        private Duration threshold = Duration.ofSeconds(30);

        /** Per-group thresholds, keyed by "stream/group", overriding the default threshold. */
        private Map<String, Duration> thresholds = new LinkedHashMap<>();

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getThreshold() {
            return threshold;
        }

        public void setThreshold(Duration threshold) {
            this.threshold = threshold;
        }

        public Map<String, Duration> getThresholds() {
            return thresholds;
        }

        public void setThresholds(Map<String, Duration> thresholds) {
            this.thresholds = thresholds;
        }
    }

    /** The actuator endpoint. */
    public static class Endpoint {

        /** Whether the endpoint's write operation (dead-letter replay) is allowed. */
        private boolean replayEnabled;

        public boolean isReplayEnabled() {
            return replayEnabled;
        }

        public void setReplayEnabled(boolean replayEnabled) {
            this.replayEnabled = replayEnabled;
        }
    }

    /** Analytics settings. */
    public static class Analytics {

        /**
         * Secret (at least 16 bytes) for hashing user IDs on analytics streams; the analytics publisher
         * bean exists only when it is set.
         */
        private String userHashSecret;

        public String getUserHashSecret() {
            return userHashSecret;
        }

        public void setUserHashSecret(String userHashSecret) {
            this.userHashSecret = userHashSecret;
        }
    }
}
