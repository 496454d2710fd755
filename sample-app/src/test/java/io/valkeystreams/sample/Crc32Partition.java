package io.valkeystreams.sample;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** The partition rule of docs/wire-format.md, written out as another producer would: crc32(utf8(key)) mod n. */
final class Crc32Partition {

    private Crc32Partition() {
    }

    static int of(String partitionKey, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(partitionKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }
}
