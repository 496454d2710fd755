package io.valkeystreams.test;

import java.nio.charset.StandardCharsets;

/**
 * The hash slot of a key in a Valkey Cluster, as {@code CLUSTER KEYSLOT} computes it: CRC16/XMODEM
 * of the key's UTF-8 bytes modulo 16384. When the key holds a hash tag — a {@code '{'} followed later
 * by a {@code '}'} with at least one byte between them, the first such pair — only the bytes between
 * those braces are hashed, so {@code {user1}.a} and {@code {user1}.b} share a slot.
 */
public final class SlotHash {

    /** Number of hash slots in a Valkey Cluster. */
    public static final int SLOT_COUNT = 16_384;

    private static final int POLYNOMIAL = 0x1021;

    private SlotHash() {
    }

    /** The slot of a key, from 0 to {@value #SLOT_COUNT} − 1. */
    public static int slot(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        return slot(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The slot of a key given as raw bytes, from 0 to {@value #SLOT_COUNT} − 1. */
    public static int slot(byte[] key) {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        int open = indexOf(key, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(key, (byte) '}', open + 1);
            if (close > open + 1) {
                return crc16(key, open + 1, close) % SLOT_COUNT;
            }
        }
        return crc16(key, 0, key.length) % SLOT_COUNT;
    }

    /** CRC16/XMODEM (polynomial 0x1021, initial value 0, no reflection) of {@code bytes[from..to)}. */
    static int crc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
