package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidationMappingTest {

    private final InvalidationMapping defaults = InvalidationMapping.defaults();

    @Test
    void reputationEventsOfAnyTypeStaleTheUsersReputationScore() {
        assertThat(defaults.rulesFor("reputation.events", "exchange_completed"))
                .containsExactly(InvalidationRule.anyEvent("reputation.events", "reputation_scores", "user_id"));
        assertThat(defaults.rulesFor("reputation.events", null)).hasSize(1);
    }

    @Test
    void modeTransitionsStaleTheUsersProfile() {
        assertThat(defaults.rulesFor("user.mode.transitions", "mode_transition"))
                .containsExactly(InvalidationRule.of("user.mode.transitions", "mode_transition", "user_profiles",
                        "user_id"));
        assertThat(defaults.rulesFor("user.mode.transitions", "something_else")).isEmpty();
    }

    @Test
    void otherStreamsStaleNothing() {
        assertThat(defaults.rulesFor("group.mode.activities", "food_found")).isEmpty();
        assertThat(defaults.rulesFor("reputation.events:3", "review")).isEmpty();
    }

    @Test
    void theStreamsAreThoseTheInvalidatingGroupMustRead() {
        assertThat(defaults.streams()).containsExactly("reputation.events", "user.mode.transitions");
    }

    @Test
    void rulesAreAddedToACopy() {
        InvalidationRule groups = InvalidationRule.anyEvent("group.mode.activities", "group_activity", "group_id");
        InvalidationMapping more = defaults.with(groups);
        assertThat(more.rules()).hasSize(3).endsWith(groups);
        assertThat(defaults.rules()).hasSize(2);
    }

    @Test
    void blankRuleComponentsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> InvalidationRule.of("", "x", "c", "f"))
                .isInstanceOf(CacheException.class).hasMessageContaining("stream must not be blank");
        assertThatThrownBy(() -> InvalidationRule.of("s", null, "c", "f"))
                .isInstanceOf(CacheException.class).hasMessageContaining("eventType must not be blank, was null");
        assertThatThrownBy(() -> InvalidationRule.of("s", "x", " ", "f"))
                .isInstanceOf(CacheException.class).hasMessageContaining("cache must not be blank");
        assertThatThrownBy(() -> InvalidationRule.of("s", "x", "c", ""))
                .isInstanceOf(CacheException.class).hasMessageContaining("keyField must not be blank")
                .hasMessageContaining("user_id");
    }

    @Test
    void duplicateAndNullRulesAreRefused() {
        assertThatThrownBy(() -> InvalidationMapping.of(InvalidationMapping.USER_PROFILES_RULE,
                InvalidationMapping.USER_PROFILES_RULE))
                .isInstanceOf(CacheException.class).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new InvalidationMapping(java.util.Arrays.asList((InvalidationRule) null)))
                .isInstanceOf(CacheException.class).hasMessageContaining("must not contain null");
        assertThatThrownBy(() -> new InvalidationMapping(null))
                .isInstanceOf(CacheException.class).hasMessageContaining("must not be null");
        assertThat(new InvalidationMapping(List.of()).rules()).isEmpty();
    }
}
