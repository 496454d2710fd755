package io.valkeystreams.core.deadletter;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XTrimArgs;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.wire.WireFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** {@link DeadLetters} over XRANGE, XADD, XDEL and XTRIM on the shared connection. */
final class DefaultDeadLetters implements DeadLetters {

    static final int PAGE = 500;

    private final StreamsConnection connection;
    private final StreamCatalog catalog;

    DefaultDeadLetters(StreamsConnection connection, StreamCatalog catalog) {
        if (connection == null) {
            throw new StreamsException("connection must not be null");
        }
        if (catalog == null) {
            throw new StreamsException("catalog must not be null");
        }
        this.connection = connection;
        this.catalog = catalog;
    }

    @Override
    public long count(String stream) {
        String key = definition(stream).deadLetterKey();
        Long length = run("XLEN " + key, () -> connection.sync().xlen(key));
        return length == null ? 0 : length;
    }

    @Override
    public List<DeadLetter> list(String stream, String group, int limit) {
        StreamDefinition definition = definition(stream);
        if (limit < 1) {
            throw new StreamsException("limit must be at least 1, was " + limit);
        }
        List<DeadLetter> result = new ArrayList<>();
        scan(definition, byGroup(group), letter -> {
            result.add(letter);
            return result.size() < limit;
        });
        return result;
    }

    @Override
    public Optional<DeadLetter> show(String stream, String id) {
        StreamDefinition definition = definition(stream);
        String key = definition.deadLetterKey();
        requireId(id);
        List<StreamMessage<String, String>> found = run("XRANGE " + key + " " + id,
                () -> connection.sync().xrange(key, Range.create(id, id)));
        return found.isEmpty() ? Optional.empty() : Optional.of(parse(definition, found.get(0)));
    }

    @Override
    public ReplayResult replay(String stream, String id) {
        StreamDefinition definition = definition(stream);
        DeadLetter letter = show(stream, id).orElseThrow(() -> new StreamsException("dead letter '" + id
                + "' does not exist in " + definition.deadLetterKey() + "; see 'valkey-streams dlq list "
                + stream + "'"));
        return replay(definition, letter);
    }

    @Override
    public List<ReplayResult> replayAll(String stream, String group) {
        StreamDefinition definition = definition(stream);
        List<DeadLetter> letters = new ArrayList<>();
        scan(definition, byGroup(group), letter -> {
            letters.add(letter);
            return true;
        });
        List<ReplayResult> results = new ArrayList<>();
        for (DeadLetter letter : letters) {
            results.add(replay(definition, letter));
        }
        return results;
    }

    @Override
    public boolean purge(String stream, String id) {
        String key = definition(stream).deadLetterKey();
        requireId(id);
        Long removed = run("XDEL " + key + " " + id, () -> connection.sync().xdel(key, id));
        return removed != null && removed > 0;
    }

    @Override
    public long purgeAll(String stream, String group) {
        StreamDefinition definition = definition(stream);
        String key = definition.deadLetterKey();
        if (group == null) {
            Long removed = run("XTRIM " + key + " MAXLEN 0", () -> connection.sync().xtrim(key, XTrimArgs.Builder.maxlen(0)));
            return removed == null ? 0 : removed;
        }
        List<String> ids = new ArrayList<>();
        scan(definition, byGroup(group), letter -> {
            ids.add(letter.id());
            return true;
        });
        long removed = 0;
        for (int from = 0; from < ids.size(); from += PAGE) {
            String[] page = ids.subList(from, Math.min(ids.size(), from + PAGE)).toArray(String[]::new);
            Long count = run("XDEL " + key, () -> connection.sync().xdel(key, page));
            removed += count == null ? 0 : count;
        }
        return removed;
    }

    private ReplayResult replay(StreamDefinition definition, DeadLetter letter) {
        StreamKey source = definition.keys().stream().filter(key -> key.key().equals(letter.source())).findFirst()
                .orElseThrow(() -> new StreamsException("dead letter '" + letter.id() + "' names source '"
                        + letter.source() + "', which is not a partition key of stream '" + definition.name()
                        + "'; it cannot be replayed (purge it, or re-publish its event)"));
        if (letter.group() == null || !definition.hasGroup(letter.group())) {
            throw new StreamsException("dead letter '" + letter.id() + "' names group '" + letter.group()
                    + "', which is not a consumer group of stream '" + definition.name() + "' (groups: "
                    + String.join(", ", definition.groups()) + "); it cannot be replayed");
        }
        Map<String, String> fields = new LinkedHashMap<>(letter.fields());
        fields.put(WireFields.REPLAY_GROUP, letter.group());
        XAddArgs args = new XAddArgs().maxlen(definition.maxLengthPerPartition()).approximateTrimming();
        String entryId = run("XADD " + source.key() + " (replay of " + letter.id() + ")",
                () -> connection.sync().xadd(source.key(), args, fields));
        run("XDEL " + definition.deadLetterKey() + " " + letter.id(),
                () -> connection.sync().xdel(definition.deadLetterKey(), letter.id()));
        return new ReplayResult(letter.id(), letter.group(), source.key(), entryId, letter.eventId());
    }

    /** Visits dead letters oldest first while {@code visitor} returns true. */
    private void scan(StreamDefinition definition, Predicate<DeadLetter> filter, Predicate<DeadLetter> visitor) {
        String key = definition.deadLetterKey();
        Range.Boundary<String> lower = Range.Boundary.unbounded();
        while (true) {
            Range<String> range = Range.from(lower, Range.Boundary.unbounded());
            List<StreamMessage<String, String>> page = run("XRANGE " + key,
                    () -> connection.sync().xrange(key, range, Limit.from(PAGE)));
            for (StreamMessage<String, String> message : page) {
                DeadLetter letter = parse(definition, message);
                if (filter.test(letter) && !visitor.test(letter)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            lower = Range.Boundary.excluding(page.get(page.size() - 1).getId());
        }
    }

    static DeadLetter parse(StreamDefinition definition, StreamMessage<String, String> message) {
        Map<String, String> all = message.getBody() == null ? Map.of() : message.getBody();
        Map<String, String> original = new LinkedHashMap<>(all);
        WireFields.DEAD_LETTER.forEach(original::remove);
        String failedAt = all.get(WireFields.DLQ_FAILED_AT);
        long failedAtMillis = number(failedAt);
        return new DeadLetter(message.getId(), definition.name(), all.get(WireFields.DLQ_GROUP),
                all.get(WireFields.DLQ_SOURCE), all.get(WireFields.DLQ_SOURCE_ID),
                number(all.get(WireFields.DLQ_DELIVERIES)), all.get(WireFields.DLQ_ERROR),
                failedAtMillis < 0 ? null : Instant.ofEpochMilli(failedAtMillis),
                all.get(WireFields.EVENT_ID), all.get(WireFields.EVENT_TYPE), original);
    }

    /** A dead letter written by another tool may lack a field or hold text; -1 marks that. */
    private static long number(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return -1;
        }
        return Long.parseLong(text);
    }

    private StreamDefinition definition(String stream) {
        if (stream == null || stream.isBlank()) {
            throw new StreamsException("stream must not be blank");
        }
        return catalog.require(stream);
    }

    private static Predicate<DeadLetter> byGroup(String group) {
        if (group != null && group.isBlank()) {
            throw new StreamsException("group must not be blank; pass null for every group");
        }
        return letter -> group == null || group.equals(letter.group());
    }

    private static void requireId(String id) {
        if (id == null || !id.matches("\\d+-\\d+")) {
            throw new StreamsException("dead letter id must be an entry ID like 1718000000000-0, was '" + id + "'");
        }
    }

    private static <T> T run(String action, Supplier<T> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            throw LettuceErrors.translate(action, e);
        }
    }

    @Override
    public String toString() {
        return "DeadLetters[" + connection.describe() + "]";
    }
}
