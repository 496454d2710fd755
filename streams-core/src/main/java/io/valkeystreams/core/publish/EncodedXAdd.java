package io.valkeystreams.core.publish;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The arguments of one {@code XADD <key> MAXLEN ~ <n> * <field> <value> …}, encoded to RESP once, on the
 * publishing thread. Lettuce would encode each of the thirty-odd arguments on the connection's I/O thread,
 * allocating a buffer per argument; this way the I/O thread copies one array. The command on the wire is
 * the same. The key is also kept as a regular argument, so a cluster connection routes by its slot.
 */
final class EncodedXAdd extends CommandArgs<String, String> {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int TRIMMING_ARGUMENTS = 4;

    private final String key;
    private final byte[] encoded;
    private final int count;

    private EncodedXAdd(String key, byte[] encoded, int count) {
        super(StringCodec.UTF8);
        super.addKey(key);
        this.key = key;
        this.encoded = encoded;
        this.count = count;
    }

    /**
     * Starts the arguments of one entry.
     *
     * @param key      the stream key
     * @param trimming the encoded {@code MAXLEN ~ <n> *} arguments, see {@link #trimming(long)}
     * @param fields   how many fields to expect (a hint)
     */
    static Builder builder(String key, byte[] trimming, int fields) {
        return new Builder(key, trimming, fields);
    }

    /** Collects field names and values in order, then encodes them with the key and trimming arguments. */
    static final class Builder {
        private final String key;
        private final byte[] trimming;
        private byte[][] parts;
        private int count;
        private int size;
        private long payload;

        private Builder(String key, byte[] trimming, int fields) {
            this.key = key;
            this.trimming = trimming;
            this.parts = new byte[Math.max(2, fields * 2)][];
        }

        /** Adds a field. */
        Builder field(String name, String value) {
            if (count + 2 > parts.length) {
                parts = Arrays.copyOf(parts, parts.length * 2);
            }
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            parts[count++] = nameBytes;
            parts[count++] = valueBytes;
            size += bulkSize(nameBytes.length) + bulkSize(valueBytes.length);
            payload += nameBytes.length + valueBytes.length;
            return this;
        }

        /** UTF-8 bytes of the field names and values added so far. */
        long payloadBytes() {
            return payload;
        }

        /** The encoded arguments. */
        EncodedXAdd build() {
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            byte[] encoded = new byte[bulkSize(keyBytes.length) + trimming.length + size];
            int position = writeBulk(encoded, 0, keyBytes);
            System.arraycopy(trimming, 0, encoded, position, trimming.length);
            position += trimming.length;
            for (int i = 0; i < count; i++) {
                position = writeBulk(encoded, position, parts[i]);
            }
            return new EncodedXAdd(key, encoded, 1 + TRIMMING_ARGUMENTS + count);
        }
    }

    /** {@code MAXLEN ~ <maxLength> *}, encoded. */
    static byte[] trimming(long maxLength) {
        byte[][] parts = {bytes("MAXLEN"), bytes("~"), bytes(Long.toString(maxLength)), bytes("*")};
        int size = 0;
        for (byte[] part : parts) {
            size += bulkSize(part.length);
        }
        byte[] encoded = new byte[size];
        int position = 0;
        for (byte[] part : parts) {
            position = writeBulk(encoded, position, part);
        }
        return encoded;
    }

    /** The output for the reply, the new entry's ID. */
    static StatusOutput<String, String> output() {
        return new StatusOutput<>(StringCodec.UTF8);
    }

    /** The command type. */
    static CommandType type() {
        return CommandType.XADD;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void encode(ByteBuf buf) {
        buf.writeBytes(encoded);
    }

    @Override
    public String toString() {
        return "EncodedXAdd[key=" + key + ", arguments=" + count + ", bytes=" + encoded.length + "]";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int bulkSize(int length) {
        return 1 + digits(length) + 2 + length + 2;
    }

    private static int digits(int value) {
        if (value < 10) {
            return 1;
        }
        if (value < 100) {
            return 2;
        }
        if (value < 1000) {
            return 3;
        }
        if (value < 10_000) {
            return 4;
        }
        return Integer.toString(value).length();
    }

    private static int writeBulk(byte[] target, int position, byte[] value) {
        target[position++] = '$';
        int length = value.length;
        int digits = digits(length);
        for (int i = position + digits - 1; i >= position; i--) {
            target[i] = (byte) ('0' + length % 10);
            length /= 10;
        }
        position += digits;
        target[position++] = CRLF[0];
        target[position++] = CRLF[1];
        System.arraycopy(value, 0, target, position, value.length);
        position += value.length;
        target[position++] = CRLF[0];
        target[position++] = CRLF[1];
        return position;
    }
}
