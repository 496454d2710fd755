package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotHashTest {

    @Test
    void crc16IsXmodemWithItsStandardCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(SlotHash.crc16(check, 0, check.length)).isEqualTo(0x31C3);
    }

    /** Expected slots are what {@code CLUSTER KEYSLOT} answered on valkey-server 8.0.1. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "foo|12182",
            "bar|5061",
            "hello|866",
            "somekey|11058",
            "123456789|12739",
            "{user1000}.following|3443",
            "{user1000}.followers|3443",
            "foo{}{bar}|8363",
            "foo{{bar}}zap|4015",
            "foo{bar}{zap}|5061",
            "héllo|11061",
            "reputation.events:0|13375",
            "''|0"
    })
    void slotsMatchWhatTheServerComputes(String key, int slot) {
        assertThat(SlotHash.slot(key)).isEqualTo(slot);
    }

    @Test
    void aHashTagMakesKeysShareASlotAndAnEmptyTagDoesNot() {
        assertThat(SlotHash.slot("{orders}:1")).isEqualTo(SlotHash.slot("orders"));
        assertThat(SlotHash.slot("a{}b")).isNotEqualTo(SlotHash.slot(""));
        assertThat(SlotHash.slot("no-closing{brace")).isEqualTo(
                SlotHash.crc16("no-closing{brace".getBytes(StandardCharsets.UTF_8), 0, 16) % SlotHash.SLOT_COUNT);
    }

    @Test
    void aNullKeyIsRefused() {
        assertThatThrownBy(() -> SlotHash.slot((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }
}
