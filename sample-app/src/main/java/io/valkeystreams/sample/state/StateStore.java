package io.valkeystreams.sample.state;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.consume.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The consumer groups' state in Valkey, through Spring Data Redis (so {@code spring.data.redis.*} decides
 * standalone or cluster). Every change goes through {@link #applyOnce}: the effects and the mark "this
 * event was applied" are written by one Lua script, so a redelivered event changes nothing.
 */
@Component
public class StateStore {

    /** Script key index of the first effect key: 1 is the mark, 2 the stats hash. */
    static final int FIRST_EFFECT_KEY = 3;

    private static final RedisScript<Long> APPLY_ONCE = script("apply-once.lua", Long.class);

    private final StringRedisTemplate redis;
    private final StreamCatalog catalog;
    private final Clock clock;

    /** Creates the store. */
    public StateStore(StringRedisTemplate redis, StreamCatalog catalog, Clock clock) {
        this.redis = redis;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Loads one of the sample's Lua scripts from this package. */
    public static <T> RedisScript<T> script(String name, Class<T> resultType) {
        return RedisScript.of(new ClassPathResource("io/valkeystreams/sample/state/" + name), resultType);
    }

    /**
     * Applies the effects unless this delivery's event was applied to their space before.
     *
     * @return true when applied now, false for a redelivery of an applied event
     */
    public boolean applyOnce(Delivery delivery, Effects effects) {
        Long applied = applyOnce(delivery, effects.space(), APPLY_ONCE, effects.keys(), effects.args());
        return applied != null && applied == 1L;
    }

    /**
     * Runs a script of the apply-once protocol: keys are the event's mark, the space's stats hash, then
     * {@code keys}; arguments are the mark's TTL in seconds, the event ID, the time in epoch ms, then
     * {@code args}.
     */
    public <T> T applyOnce(Delivery delivery, StateSpace space, RedisScript<T> script, List<String> keys,
                           List<String> args) {
        String eventId = eventId(delivery);
        List<String> allKeys = new ArrayList<>(keys.size() + 2);
        allKeys.add(space.markKey(eventId));
        allKeys.add(space.statsKey());
        allKeys.addAll(keys);
        List<String> allArgs = new ArrayList<>(args.size() + 3);
        allArgs.add(Long.toString(markTtl(delivery.stream()).toSeconds()));
        allArgs.add(eventId);
        allArgs.add(Long.toString(clock.millis()));
        allArgs.addAll(args);
        return redis.execute(script, allKeys, allArgs.toArray());
    }

    /**
     * The identity of a delivery's event: its {@code event_id}, stable across retries, takeovers and replays;
     * for an entry written without one, its partition key and entry ID (stable across retries and takeovers).
     */
    public static String eventId(Delivery delivery) {
        return delivery.eventId() != null && !delivery.eventId().isBlank() ? delivery.eventId()
                : delivery.key().key() + "/" + delivery.entryId();
    }

    /** How long an event's mark is kept: twice its stream's retention, the longest it can be redelivered. */
    Duration markTtl(String stream) {
        return catalog.find(stream).map(definition -> definition.retention().multipliedBy(2))
                .orElse(Duration.ofDays(30));
    }

    /** A hash of the space, sorted by field. */
    public Map<String, String> hash(StateSpace space, String name) {
        Map<Object, Object> entries = redis.opsForHash().entries(space.key(name));
        Map<String, String> sorted = new TreeMap<>();
        entries.forEach((field, value) -> sorted.put(field.toString(), value.toString()));
        return sorted;
    }

    /** Some fields of a hash of the space, in the order asked (null for absent ones). */
    public List<String> fields(StateSpace space, String name, String... fields) {
        return redis.<String, String>opsForHash().multiGet(space.key(name), List.of(fields));
    }

    /** The first {@code max} values of a list of the space (newest first for pushed lists). */
    public List<String> list(StateSpace space, String name, int max) {
        List<String> values = redis.opsForList().range(space.key(name), 0, max - 1L);
        return values == null ? List.of() : values;
    }

    /** The members of a set of the space. */
    public Set<String> members(StateSpace space, String name) {
        Set<String> members = redis.opsForSet().members(space.key(name));
        return members == null ? Set.of() : members;
    }

    /** The number of members two sets of the space have in common. */
    public long common(StateSpace space, String name, String other) {
        Set<String> both = redis.opsForSet().intersect(space.key(name), space.key(other));
        return both == null ? 0 : both.size();
    }

    /** The {@code max} members with the highest scores of a sorted set of the space, highest first. */
    public Map<String, Long> top(StateSpace space, String name, int max) {
        Set<ZSetOperations.TypedTuple<String>> tuples =
                redis.opsForZSet().reverseRangeWithScores(space.key(name), 0, max - 1L);
        Map<String, Long> top = new LinkedHashMap<>();
        if (tuples != null) {
            tuples.forEach(tuple -> top.put(tuple.getValue(), Math.round(tuple.getScore() == null ? 0 : tuple.getScore())));
        }
        return top;
    }

    /** The number of members of a set of the space. */
    public long size(StateSpace space, String name) {
        Long size = redis.opsForSet().size(space.key(name));
        return size == null ? 0 : size;
    }

    /** The space's counters: applied, duplicates (redeliveries recognised), last event and when it was applied. */
    public Map<String, Object> stats(StateSpace space) {
        Map<String, String> stats = hash(space, "stats");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("applied", Long.parseLong(stats.getOrDefault("applied", "0")));
        view.put("duplicates", Long.parseLong(stats.getOrDefault("duplicates", "0")));
        view.put("last_event_id", stats.get("last_event_id"));
        String at = stats.get("last_applied_ms");
        view.put("last_applied_at", at == null ? null : Instant.ofEpochMilli(Long.parseLong(at)).toString());
        return view;
    }
}
