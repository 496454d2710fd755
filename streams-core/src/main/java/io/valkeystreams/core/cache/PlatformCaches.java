package io.valkeystreams.core.cache;

import java.time.Duration;
import java.util.List;

/**
 * The four caches of the customer's specification; names, TTLs and key prefixes are binding.
 */
public final class PlatformCaches {

    /** User profiles: 3600 s, keys {@code user:<user_id>}. */
    public static final String USER_PROFILES = "user_profiles";
    /** Reputation scores: 300 s, keys {@code rep:<user_id>}. */
    public static final String REPUTATION_SCORES = "reputation_scores";
    /** Group activity: 900 s, keys {@code group:<group_id>}. */
    public static final String GROUP_ACTIVITY = "group_activity";
    /** Food discovery: 60 s, keys {@code food:<key>}. */
    public static final String FOOD_DISCOVERY = "food_discovery";

    private static final List<CacheDefinition> ALL = List.of(
            CacheDefinition.of(USER_PROFILES, Duration.ofSeconds(3600), "user:"),
            CacheDefinition.of(REPUTATION_SCORES, Duration.ofSeconds(300), "rep:"),
            CacheDefinition.of(GROUP_ACTIVITY, Duration.ofSeconds(900), "group:"),
            CacheDefinition.of(FOOD_DISCOVERY, Duration.ofSeconds(60), "food:"));

    private PlatformCaches() {
    }

    /** The four definitions, in the specification's order. */
    public static List<CacheDefinition> all() {
        return ALL;
    }

    /** Whether the name is one of the four platform caches. */
    public static boolean isPlatformCache(String name) {
        return ALL.stream().anyMatch(definition -> definition.name().equals(name));
    }
}
