package io.valkeystreams.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.Command;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodedXAddTest {

    @Test
    void theCommandIsTheXaddLettuceWouldWriteWithTrimmingAndFieldsInOrder() {
        EncodedXAdd args = EncodedXAdd.builder("reputation.events:4", EncodedXAdd.trimming(125_000), 2)
                .field("user_id", "user-1").field("note", "héllo").build();
        ByteBuf buf = Unpooled.buffer();

        new Command<>(EncodedXAdd.type(), EncodedXAdd.output(), args).encode(buf);

        assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("*10\r\n$4\r\nXADD\r\n$19\r\nreputation.events:4\r\n"
                + "$6\r\nMAXLEN\r\n$1\r\n~\r\n$6\r\n125000\r\n$1\r\n*\r\n"
                + "$7\r\nuser_id\r\n$6\r\nuser-1\r\n$4\r\nnote\r\n$6\r\nhéllo\r\n");
    }

    @Test
    void theKeyStaysReadableForClusterRoutingAndPayloadCountsUtf8Bytes() {
        EncodedXAdd.Builder builder = EncodedXAdd.builder("orders", EncodedXAdd.trimming(10), 1)
                .field("a", "é").field("b", "cd").field("e", "0123456789".repeat(2));
        EncodedXAdd args = builder.build();

        assertThat(StringCodec.UTF8.decodeKey(args.getFirstEncodedKey())).isEqualTo("orders");
        assertThat(builder.payloadBytes()).isEqualTo(1 + 2 + 1 + 2 + 1 + 20);
        assertThat(args.count()).isEqualTo(1 + 4 + 6);
    }
}
