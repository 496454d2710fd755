package io.valkeystreams.core.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link EventCodec} on Jackson 3: Java property names become snake_case fields; scalar values are
 * written as text; maps, collections and nested objects as JSON text. Decoding knows from the
 * target type which fields hold JSON, so a plain string that happens to look like JSON stays a string.
 */
public final class JacksonEventCodec implements EventCodec {

    private final JsonMapper mapper;
    private final Map<Class<?>, Map<String, Boolean>> structuredFields = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> annotatedTypes = new ConcurrentHashMap<>();

    /** Creates a codec with the default mapper (snake_case names, unknown fields ignored). */
    public JacksonEventCodec() {
        this(defaultMapper());
    }

    /** Creates a codec with a customised mapper; it should use snake_case names to match the wire format. */
    public JacksonEventCodec(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The default mapper: snake_case names, unknown properties ignored. */
    public static JsonMapper defaultMapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public EncodedEvent encode(Object event) {
        if (event == null) {
            throw new EventEncodingException("event must not be null");
        }
        String typeName = event.getClass().getSimpleName();
        JsonNode tree;
        try {
            tree = mapper.valueToTree(event);
        } catch (JacksonException e) {
            throw new EventEncodingException("cannot encode " + typeName + ": " + e.getOriginalMessage(), e);
        }
        if (!tree.isObject()) {
            throw new EventEncodingException("cannot encode " + typeName + ": an event must be an object with "
                    + "properties, not a " + tree.getNodeType().name().toLowerCase());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String eventType = null;
        for (Map.Entry<String, JsonNode> property : tree.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (WireFields.EVENT_TYPE.equals(name)) {
                eventType = value.asString();
                continue;
            }
            if (WireFields.isReserved(name)) {
                throw new EventEncodingException("field '" + name + "' of " + typeName + " collides with the "
                        + "metadata field of the same name; rename the property");
            }
            fields.put(name, text(typeName, name, value));
        }
        if (eventType == null || eventType.isBlank()) {
            eventType = annotatedTypes.computeIfAbsent(event.getClass(), JacksonEventCodec::declaredType);
        }
        return new EncodedEvent(eventType, Collections.unmodifiableMap(fields));
    }

    @Override
    public <T> T decode(Map<String, String> fields, Class<T> type) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(type, "type");
        Map<String, Boolean> structured = structuredFields.computeIfAbsent(type, JacksonEventCodec::structuredFieldsOf);
        ObjectNode node = mapper.createObjectNode();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            if (WireFields.isReserved(name) && !WireFields.EVENT_TYPE.equals(name)) {
                continue;
            }
            Boolean json = structured.get(name);
            if (json == null) {
                continue;
            }
            if (json) {
                try {
                    node.set(name, mapper.readTree(field.getValue()));
                } catch (JacksonException e) {
                    throw new EventDecodingException("field '" + name + "' of " + type.getSimpleName()
                            + " must hold JSON text: " + e.getOriginalMessage(), e);
                }
            } else {
                node.put(name, field.getValue());
            }
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new EventDecodingException("entry does not fit " + type.getSimpleName() + " at '"
                    + e.getPathReference() + "': " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new EventDecodingException("entry does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private String text(String typeName, String name, JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isNumber()) {
            if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
                double number = value.doubleValue();
                if (!Double.isFinite(number)) {
                    throw new EventEncodingException("field '" + name + "' of " + typeName + " is " + number
                            + "; numbers must be finite");
                }
                return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            }
            if (value.isBigDecimal()) {
                return value.decimalValue().toPlainString();
            }
            return value.numberValue().toString();
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new EventEncodingException("field '" + name + "' of " + typeName + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String declaredType(Class<?> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation != null) {
            if (annotation.value().isBlank()) {
                throw new EventEncodingException("@EventType on " + type.getName() + " must not be blank");
            }
            return annotation.value();
        }
        return snakeCase(type.getSimpleName());
    }

    /** Jackson's SNAKE_CASE rule: an underscore before each upper-case letter that follows a lower-case one. */
    static String snakeCase(String name) {
        StringBuilder result = new StringBuilder(name.length() + 8);
        boolean previousUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = Character.isUpperCase(c);
            if (upper && i > 0 && !previousUpper && result.charAt(result.length() - 1) != '_') {
                result.append('_');
            }
            result.append(upper ? Character.toLowerCase(c) : c);
            previousUpper = upper;
        }
        return result.toString();
    }

    private static Map<String, Boolean> structuredFieldsOf(Class<?> type) {
        Map<String, Boolean> result = new ConcurrentHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                result.put(snakeCase(component.getName()), isStructured(component.getType()));
            }
            return result;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    result.putIfAbsent(snakeCase(field.getName()), isStructured(field.getType()));
                }
            }
        }
        return result;
    }

    private static boolean isStructured(Class<?> type) {
        if (type.isPrimitive() || type.isEnum() || CharSequence.class.isAssignableFrom(type)
                || Number.class.isAssignableFrom(type) || type == Boolean.class || type == Character.class) {
            return false;
        }
        String name = type.getName();
        return !(name.startsWith("java.time.") || name.equals("java.util.UUID") || name.equals("java.net.URI")
                || name.equals("java.util.Currency") || name.equals("java.util.Locale"));
    }
}
