package io.valkeystreams.sample.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EffectsTest {

    @Test
    void everyKeyCarriesTheSpacesHashTag() {
        assertThat(StateSpace.group("alert_manager").key("alerts")).isEqualTo("sample:{alert_manager}:alerts");
        StateSpace user = StateSpace.of("user-1", "reputation");
        assertThat(user.key("score")).isEqualTo("sample:{user-1}:reputation:score");
        assertThat(user.markKey("e-1")).isEqualTo("sample:{user-1}:reputation:applied:e-1");
        assertThat(user.statsKey()).isEqualTo("sample:{user-1}:reputation:stats");
    }

    @Test
    void effectsAreEncodedAsOpKeyIndexAndArgumentsWithEachKeyListedOnce() {
        Effects effects = Effects.in(StateSpace.group("g"))
                .hincrBy("counts", "a", 2)
                .pushCapped("log", "x", 10)
                .hincrBy("counts", "b", -1)
                .sadd("members", "m")
                .zincrBy("popular", "item", 1)
                .hmax("peak", "cpu", 12.5)
                .hset("last", "cpu", "12.5");

        assertThat(effects.keys()).containsExactly("sample:{g}:counts", "sample:{g}:log", "sample:{g}:members",
                "sample:{g}:popular", "sample:{g}:peak", "sample:{g}:last");
        assertThat(effects.args()).containsExactly(
                "HINCRBY", "3", "a", "2",
                "LPUSHCAP", "4", "x", "10",
                "HINCRBY", "3", "b", "-1",
                "SADD", "5", "m",
                "ZINCRBY", "6", "1", "item",
                "HMAX", "7", "cpu", "12.5",
                "HSET", "8", "cpu", "12.5");
    }

    @Test
    void badEffectsAreRefusedBeforeAnythingIsSent() {
        Effects effects = Effects.in(StateSpace.group("g"));
        assertThatThrownBy(() -> effects.pushCapped("log", "x", 0)).hasMessageContaining("cap must be at least 1");
        assertThatThrownBy(() -> effects.hmax("peak", "cpu", Double.NaN)).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> effects.hset("last", "cpu", null)).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> StateSpace.group(" ")).hasMessageContaining("tag must not be blank");
        assertThat(effects.isEmpty()).isTrue();
        assertThat(List.of(effects.space().tag())).containsExactly("g");
    }
}
