package io.valkeystreams.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Pretty JSON for {@code --json} output. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** The value as indented JSON. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
