package io.valkeystreams.reliability;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.wire.WireFields;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a ledger into per-group figures, reading from Valkey what the ledger cannot know: the dead letters
 * of each stream ({@code <name>:dlq}, matched by {@code dlq_group} and the probe number) and, when publishes
 * failed, which of them were written nevertheless (a scan of the partition keys).
 */
final class Reconciler {

    private static final int PAGE = 5_000;
    private static final int LOST_SAMPLE = 10;

    private final StreamsConnection connection;
    private final Ledger ledger;

    Reconciler(StreamsConnection connection, Ledger ledger) {
        this.connection = connection;
        this.ledger = ledger;
    }

    /** Figures for every group the ledger knows, in the order of the definitions given. */
    List<GroupFigures> reconcile(List<StreamDefinition> streams) {
        List<GroupFigures> figures = new ArrayList<>();
        for (StreamDefinition stream : streams) {
            List<GroupTally> tallies = ledger.tallies().stream()
                    .filter(tally -> tally.stream().equals(stream.name())).toList();
            if (tallies.isEmpty()) {
                continue;
            }
            Map<String, BitSet> deadLetters = deadLetters(stream);
            BitSet anyProcessed = new BitSet();
            tallies.forEach(tally -> anyProcessed.or(tally.processed()));
            deadLetters.values().forEach(anyProcessed::or);
            BitSet written = hasFailures(stream.name()) ? written(stream) : new BitSet();
            for (String group : stream.groups()) {
                tallies.stream().filter(tally -> tally.group().equals(group)).findFirst().ifPresent(tally ->
                        figures.add(figures(stream, tally, deadLetters.getOrDefault(group, new BitSet()),
                                anyProcessed, written)));
            }
        }
        return figures;
    }

    private GroupFigures figures(StreamDefinition stream, GroupTally tally, BitSet deadLettered, BitSet anyOutcome,
                                 BitSet written) {
        BitSet processed = tally.processed();
        BitSet trimmed = trimmed(stream.name(), tally.group());
        long published = 0;
        long poison = 0;
        long acked = 0;
        long ackedValid = 0;
        long failed = 0;
        long writtenUnacked = 0;
        long processedCount = 0;
        long processedUnacked = 0;
        long deadLetterCount = 0;
        long poisonDeadLettered = 0;
        long poisonProcessed = 0;
        long trimmedCount = 0;
        long lost = 0;
        List<Integer> lostSample = new ArrayList<>();
        for (int seq = 0; seq < ledger.attempts(); seq++) {
            if (!ledger.streamOf(seq).equals(stream.name())) {
                continue;
            }
            published++;
            boolean isPoison = ledger.isPoison(seq);
            boolean isAcked = ledger.isAcked(seq);
            boolean isProcessed = processed.get(seq);
            boolean isDead = deadLettered.get(seq);
            poison += isPoison ? 1 : 0;
            acked += isAcked ? 1 : 0;
            ackedValid += isAcked && !isPoison ? 1 : 0;
            deadLetterCount += isDead ? 1 : 0;
            poisonDeadLettered += isPoison && isDead ? 1 : 0;
            poisonProcessed += isPoison && isProcessed ? 1 : 0;
            processedCount += isProcessed && !isPoison ? 1 : 0;
            if (ledger.isFailed(seq)) {
                failed++;
                writtenUnacked += written.get(seq) || anyOutcome.get(seq) ? 1 : 0;
                processedUnacked += isProcessed ? 1 : 0;
            }
            if (isAcked && !isProcessed && !isDead) {
                if (trimmed.get(seq)) {
                    trimmedCount++;
                } else {
                    lost++;
                    if (lostSample.size() < LOST_SAMPLE) {
                        lostSample.add(seq);
                    }
                }
            }
        }
        return new GroupFigures(stream.name(), tally.group(), published, poison, acked, ackedValid, failed,
                writtenUnacked, processedCount, processedUnacked, tally.redelivered(),
                tally.firstDeliveryDuplicates(), tally.failures(), deadLetterCount, poisonDeadLettered,
                poisonProcessed, trimmedCount, lost, List.copyOf(lostSample));
    }

    private boolean hasFailures(String stream) {
        for (int seq = 0; seq < ledger.attempts(); seq++) {
            if (ledger.isFailed(seq) && ledger.streamOf(seq).equals(stream)) {
                return true;
            }
        }
        return false;
    }

    /** Probe numbers in the dead-letter stream, by the group that failed them. */
    Map<String, BitSet> deadLetters(StreamDefinition stream) {
        Map<String, BitSet> byGroup = new HashMap<>();
        scan(stream.deadLetterKey(), message -> {
            Integer seq = seqOf(message.getBody());
            String group = message.getBody().get(WireFields.DLQ_GROUP);
            if (seq != null && group != null) {
                byGroup.computeIfAbsent(group, g -> new BitSet()).set(seq);
            }
        });
        return byGroup;
    }

    private BitSet written(StreamDefinition stream) {
        BitSet written = new BitSet();
        for (StreamKey key : stream.keys()) {
            scan(key.key(), message -> {
                Integer seq = seqOf(message.getBody());
                if (seq != null) {
                    written.set(seq);
                }
            });
        }
        return written;
    }

    private BitSet trimmed(String stream, String group) {
        Set<String> entryIds = ledger.trimmedEntryIds(stream, group);
        BitSet trimmed = new BitSet();
        if (entryIds.isEmpty()) {
            return trimmed;
        }
        for (int seq = 0; seq < ledger.attempts(); seq++) {
            int probe = seq;
            if (ledger.streamOf(seq).equals(stream)) {
                ledger.entryId(seq).filter(entryIds::contains).ifPresent(id -> trimmed.set(probe));
            }
        }
        return trimmed;
    }

    private void scan(String key, Consumer<StreamMessage<String, String>> each) {
        Range<String> range = Range.create("-", "+");
        while (true) {
            List<StreamMessage<String, String>> page = connection.sync().xrange(key, range, Limit.from(PAGE));
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            range = Range.from(Range.Boundary.excluding(page.get(page.size() - 1).getId()), Range.Boundary.unbounded());
        }
    }

    private static Integer seqOf(Map<String, String> fields) {
        String value = fields == null ? null : fields.get(Probe.SEQ);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
