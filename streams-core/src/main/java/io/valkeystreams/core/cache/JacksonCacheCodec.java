package io.valkeystreams.core.cache;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.valkeystreams.core.wire.JacksonEventCodec;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * {@link CacheCodec} on Jackson 3: values are JSON text, with snake_case property names like the
 * wire format. The plain codec ({@link #JacksonCacheCodec()}) writes bare JSON and needs the type
 * when reading. The {@linkplain #typed(Collection) typed} codec adds the Java type to the JSON
 * ({@code "@class"} property on objects, {@code ["java.lang.Long", 42]} on scalars other than
 * strings, booleans, ints and doubles), so a value can be read back without knowing its type, as
 * Spring's cache abstraction needs; it reads only types from trusted packages.
 */
public final class JacksonCacheCodec implements CacheCodec {

    private static final Pattern JDK_VALUE_TYPES = Pattern.compile("java\\.(lang|util|time|math)\\.[A-Za-z0-9_$]+");

    private final JsonMapper mapper;
    private final ObjectWriter writer;

    /** A plain codec with the wire format's mapper (snake_case names, unknown properties ignored). */
    public JacksonCacheCodec() {
        this(JacksonEventCodec.defaultMapper());
    }

    /** A plain codec with a customised mapper. */
    public JacksonCacheCodec(JsonMapper mapper) {
        this(mapper, mapper.writer());
    }

    private JacksonCacheCodec(JsonMapper mapper, ObjectWriter writer) {
        this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
        this.writer = writer;
    }

    /**
     * A codec that stores each value's Java type with it. Reading accepts only JDK value types
     * ({@code java.lang}, {@code java.util}, {@code java.time}, {@code java.math}, without their
     * sub-packages), arrays, and classes in {@code trustedPackages} and their sub-packages: whoever can
     * write to Valkey could otherwise make the application instantiate any class on its class path.
     *
     * @param trustedPackages packages of the application's cached classes, such as {@code com.example.reputation}
     */
    public static JacksonCacheCodec typed(Collection<String> trustedPackages) {
        Objects.requireNonNull(trustedPackages, "trustedPackages must not be null");
        BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(JDK_VALUE_TYPES)
                .allowIfSubTypeIsArray();
        for (String trusted : trustedPackages) {
            if (trusted == null || trusted.isBlank()) {
                throw new CacheException("trusted package must not be blank; name a package such as 'com.example'");
            }
            validator.allowIfSubType(trusted.endsWith(".") ? trusted : trusted + ".");
        }
        JsonMapper typed = JacksonEventCodec.defaultMapper().rebuild()
                .activateDefaultTyping(validator.build(), DefaultTyping.NON_FINAL_AND_RECORDS, JsonTypeInfo.As.PROPERTY)
                .build();
        return new JacksonCacheCodec(typed, typed.writerFor(Object.class));
    }

    @Override
    public String encode(Object value) {
        return writer.writeValueAsString(value);
    }

    @Override
    public <T> T decode(String text, Class<T> type) {
        return mapper.readValue(text, type);
    }
}
