package io.valkeystreams.core.cache;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.events.ModeTransitionEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The declared, immutable mapping from stream entries to the cache keys they stale.
 *
 * @param rules the rules, each applied independently; an entry may match several
 */
public record InvalidationMapping(List<InvalidationRule> rules) {

    /** Reputation events of any type stale that user's {@code reputation_scores} entry. */
    public static final InvalidationRule REPUTATION_SCORES_RULE = InvalidationRule.anyEvent(
            PlatformStreams.REPUTATION_EVENTS, PlatformCaches.REPUTATION_SCORES, "user_id");
    /** Mode transitions stale that user's {@code user_profiles} entry. */
    public static final InvalidationRule USER_PROFILES_RULE = InvalidationRule.of(
            PlatformStreams.USER_MODE_TRANSITIONS, ModeTransitionEvent.EVENT_TYPE, PlatformCaches.USER_PROFILES,
            "user_id");

    /** Copies the rules and refuses duplicates. */
    public InvalidationMapping {
        if (rules == null) {
            throw new CacheException("invalidation rules must not be null; use InvalidationMapping.of() for none");
        }
        Set<InvalidationRule> seen = new HashSet<>();
        for (InvalidationRule rule : rules) {
            if (rule == null) {
                throw new CacheException("invalidation rules must not contain null");
            }
            if (!seen.add(rule)) {
                throw new CacheException("invalidation rule " + rule + " is listed twice");
            }
        }
        rules = List.copyOf(rules);
    }

    /** The two rules of the specification: {@link #REPUTATION_SCORES_RULE} and {@link #USER_PROFILES_RULE}. */
    public static InvalidationMapping defaults() {
        return new InvalidationMapping(List.of(REPUTATION_SCORES_RULE, USER_PROFILES_RULE));
    }

    /** A mapping of the given rules. */
    public static InvalidationMapping of(InvalidationRule... rules) {
        return new InvalidationMapping(List.of(rules));
    }

    /** A copy with one more rule. */
    public InvalidationMapping with(InvalidationRule rule) {
        List<InvalidationRule> all = new ArrayList<>(rules);
        all.add(rule);
        return new InvalidationMapping(all);
    }

    /** The streams the rules read, in rule order: the streams the invalidating consumer group must be on. */
    public Set<String> streams() {
        Set<String> streams = new LinkedHashSet<>();
        rules.forEach(rule -> streams.add(rule.stream()));
        return streams;
    }

    /** The rules an entry of that stream and event type falls under. */
    public List<InvalidationRule> rulesFor(String stream, String eventType) {
        return rules.stream().filter(rule -> rule.matches(stream, eventType)).toList();
    }
}
