package io.valkeystreams.core.catalog;

import java.time.Duration;
import java.util.List;

/**
 * The seven platform streams, exactly as the customer's specification gives them: names,
 * partition counts, retention, length limits, consumer groups and priorities are binding.
 */
public final class PlatformStreams {

    /** Reputation changes, keyed by user. */
    public static final String REPUTATION_EVENTS = "reputation.events";
    /** User mode transitions, keyed by user. */
    public static final String USER_MODE_TRANSITIONS = "user.mode.transitions";
    /** Group mode activities, keyed by group. */
    public static final String GROUP_MODE_ACTIVITIES = "group.mode.activities";
    /** Verification completions, keyed by user. */
    public static final String VERIFICATION_EVENTS = "verification.events";
    /** Privacy-compliant user behaviour analytics, keyed by user hash. */
    public static final String ANALYTICS_USER_BEHAVIOR = "analytics.user.behavior";
    /** Business events for revenue tracking. */
    public static final String ANALYTICS_BUSINESS_EVENTS = "analytics.business.events";
    /** Platform performance metrics. */
    public static final String ANALYTICS_PLATFORM_METRICS = "analytics.platform.metrics";

    private static final List<StreamDefinition> ALL = List.of(
            define(REPUTATION_EVENTS, 8, 365, 1_000_000, Priority.HIGH,
                    "reputation_calculator", "trust_level_updater", "analytics_service"),
            define(USER_MODE_TRANSITIONS, 1, 30, 100_000, Priority.HIGH,
                    "reputation_service", "notification_service", "analytics_service"),
            define(GROUP_MODE_ACTIVITIES, 4, 7, 50_000, Priority.MEDIUM,
                    "food_discovery_service", "partnership_service"),
            define(VERIFICATION_EVENTS, 2, 90, 200_000, Priority.HIGH,
                    "user_service", "trust_service", "admin_service"),
            define(ANALYTICS_USER_BEHAVIOR, 4, 30, 500_000, Priority.LOW,
                    "behavior_analyzer", "recommendation_engine", "retention_calculator"),
            define(ANALYTICS_BUSINESS_EVENTS, 8, 365, 1_000_000, Priority.MEDIUM,
                    "revenue_tracker", "growth_analyzer", "forecast_engine"),
            define(ANALYTICS_PLATFORM_METRICS, 2, 7, 100_000, Priority.HIGH,
                    "performance_monitor", "capacity_planner", "alert_manager"));

    private PlatformStreams() {
    }

    /** The seven definitions, in the specification's order. */
    public static List<StreamDefinition> all() {
        return ALL;
    }

    /** Whether the name is one of the seven platform streams. */
    public static boolean isPlatformStream(String name) {
        return ALL.stream().anyMatch(definition -> definition.name().equals(name));
    }

    private static StreamDefinition define(String name, int partitions, int retentionDays, long maxLength,
                                           Priority priority, String... groups) {
        return StreamDefinition.builder(name)
                .partitions(partitions)
                .retention(Duration.ofDays(retentionDays))
                .maxLength(maxLength)
                .groups(groups)
                .priority(priority)
                .build();
    }
}
