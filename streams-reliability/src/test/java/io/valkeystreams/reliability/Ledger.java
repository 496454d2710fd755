package io.valkeystreams.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Everything one scenario did, by probe number: every publish attempt (to which stream, poison or valid,
 * acknowledged or failed with which error, when) and every handler call (stream, group, delivery count,
 * success, when, by which consumer). Probe numbers are dense from 0, so the ledger is a few arrays and
 * bit sets even for a million events; the per-call log is kept only when the ledger is {@code detailed}.
 * {@link Reconciler} turns it into per-group figures.
 */
final class Ledger {

    /** One handler call. */
    record Call(String stream, String group, int seq, long deliveryCount, boolean success, long at, String consumer) {
    }

    private static final int PENDING = 1;
    private static final int ACKED = 2;
    private static final int FAILED = 3;
    private static final int STATUS_MASK = 0x3;
    private static final int POISON = 0x4;
    private static final int STREAM_SHIFT = 8;

    private final int capacity;
    private final boolean detailed;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicIntegerArray meta;
    private final AtomicLongArray attemptedAt;
    private final AtomicLongArray finishedAt;
    private final AtomicReferenceArray<String> entryIds;
    private final List<String> streams = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> failureKinds = new ConcurrentHashMap<>();
    private final Map<String, String> failureExamples = new ConcurrentHashMap<>();
    private final Map<String, GroupTally> tallies = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> trimmed = new ConcurrentHashMap<>();

    private Ledger(int capacity, boolean detailed) {
        this.capacity = capacity;
        this.detailed = detailed;
        this.meta = new AtomicIntegerArray(capacity);
        this.attemptedAt = new AtomicLongArray(capacity);
        this.finishedAt = new AtomicLongArray(capacity);
        this.entryIds = new AtomicReferenceArray<>(detailed ? capacity : 0);
    }

    /** A ledger for up to {@code capacity} publish attempts that also logs every handler call. */
    static Ledger detailed(int capacity) {
        return new Ledger(capacity, true);
    }

    /** A ledger for up to {@code capacity} attempts without the per-call log (for very large runs). */
    static Ledger compact(int capacity) {
        return new Ledger(capacity, false);
    }

    // ---- publishing

    /** Records the start of a publish attempt and returns its probe number. */
    int attempt(String stream, boolean poison) {
        int seq = next.getAndIncrement();
        if (seq >= capacity) {
            throw new IllegalStateException("ledger capacity " + capacity + " exhausted");
        }
        int index = streamIndex(stream);
        attemptedAt.set(seq, System.currentTimeMillis());
        meta.set(seq, index << STREAM_SHIFT | (poison ? POISON : 0) | PENDING);
        return seq;
    }

    /** The server acknowledged the write of attempt {@code seq} as entry {@code entryId}. */
    void acked(int seq, String entryId) {
        finishedAt.set(seq, System.currentTimeMillis());
        if (detailed) {
            entryIds.set(seq, entryId);
        }
        meta.set(seq, meta.get(seq) & ~STATUS_MASK | ACKED);
    }

    /** Attempt {@code seq} failed; the error is counted by its kind. */
    void failed(int seq, Throwable error) {
        finishedAt.set(seq, System.currentTimeMillis());
        meta.set(seq, meta.get(seq) & ~STATUS_MASK | FAILED);
        String kind = ErrorKinds.of(error);
        failureKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        failureExamples.putIfAbsent(kind, String.valueOf(error.getMessage()));
    }

    /** Attempts acknowledged at or after {@code epochMillis}. */
    int ackedSince(long epochMillis) {
        int count = 0;
        for (int seq = 0; seq < attempts(); seq++) {
            if (isAcked(seq) && finishedAt.get(seq) >= epochMillis) {
                count++;
            }
        }
        return count;
    }

    /** Attempts acknowledged before {@code epochMillis}. */
    int ackedBefore(long epochMillis) {
        int count = 0;
        for (int seq = 0; seq < attempts(); seq++) {
            if (isAcked(seq) && finishedAt.get(seq) < epochMillis) {
                count++;
            }
        }
        return count;
    }

    int attempts() {
        return Math.min(next.get(), capacity);
    }

    boolean isAcked(int seq) {
        return (meta.get(seq) & STATUS_MASK) == ACKED;
    }

    boolean isFailed(int seq) {
        return (meta.get(seq) & STATUS_MASK) == FAILED;
    }

    boolean isPoison(int seq) {
        return (meta.get(seq) & POISON) != 0;
    }

    String streamOf(int seq) {
        return streams.get(meta.get(seq) >>> STREAM_SHIFT);
    }

    long attemptedAt(int seq) {
        return attemptedAt.get(seq);
    }

    long finishedAt(int seq) {
        return finishedAt.get(seq);
    }

    /** The entry ID of an acknowledged attempt (detailed ledgers only). */
    Optional<String> entryId(int seq) {
        return detailed ? Optional.ofNullable(entryIds.get(seq)) : Optional.empty();
    }

    /** Publish failures by kind, such as {@code CommandException OOM}. */
    Map<String, Long> failureKinds() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        failureKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return kinds;
    }

    /** One message per failure kind, as a publisher saw it. */
    Map<String, String> failureExamples() {
        return Map.copyOf(failureExamples);
    }

    // ---- handling

    /** Records one handler call; {@code success} means the handler returned normally. */
    void handled(String stream, String group, int seq, long deliveryCount, boolean success, long at, String consumer) {
        tally(stream, group).record(seq, deliveryCount, success);
        if (detailed) {
            calls.add(new Call(stream, group, seq, deliveryCount, success, at, consumer));
        }
    }

    /** The container reported an entry removed from its stream while pending for a group. */
    void trimmedWhilePending(String stream, String group, String entryId) {
        trimmed.computeIfAbsent(stream + "/" + group, key -> ConcurrentHashMap.newKeySet()).add(entryId);
    }

    /** Declares a group up front, so it is reported even when it handled nothing. */
    void expectGroup(String stream, String group) {
        tally(stream, group);
    }

    /**
     * Imports the records a consumer process wrote, one call per line:
     * {@code <group> <seq> <deliveryCount> <epochMillis> <consumer> .}; a torn last line (the process was
     * killed while writing it, so it lacks the final dot) is skipped.
     *
     * @return the number of calls imported
     */
    int importCalls(String stream, Path records) {
        int imported = 0;
        try (Stream<String> lines = Files.lines(records, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                String[] parts = line.split(" ");
                if (parts.length != 6 || !".".equals(parts[5])) {
                    continue;
                }
                handled(stream, parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), true,
                        Long.parseLong(parts[3]), parts[4]);
                imported++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read consumer records " + records, e);
        }
        return imported;
    }

    /** Successful calls of a group so far (distinct probes). */
    int processed(String stream, String group) {
        return tally(stream, group).processedCount();
    }

    GroupTally tally(String stream, String group) {
        streamIndex(stream);
        return tallies.computeIfAbsent(stream + "/" + group, key -> new GroupTally(stream, group));
    }

    List<GroupTally> tallies() {
        return List.copyOf(tallies.values());
    }

    Set<String> trimmedEntryIds(String stream, String group) {
        return Set.copyOf(trimmed.getOrDefault(stream + "/" + group, Set.of()));
    }

    /** The logged calls of one probe, in the order they were recorded. */
    List<Call> callsOf(int seq) {
        return calls.stream().filter(call -> call.seq() == seq).toList();
    }

    /** The calls of up to five probes per group that were processed more than once, for the report. */
    Map<String, List<String>> duplicateSamples() {
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (GroupTally tally : tallies()) {
            for (int seq : tally.duplicateSample()) {
                samples.computeIfAbsent(tally.stream() + "/" + tally.group(), key -> new ArrayList<>())
                        .add(seq + ": " + callsOf(seq).stream().filter(call -> call.group().equals(tally.group()))
                                .map(call -> "#" + call.deliveryCount() + (call.success() ? "" : " failed") + " by "
                                        + call.consumer() + " at " + call.at()).toList());
            }
        }
        return samples;
    }

    /** The per-call log (empty for a compact ledger). */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    // ---- faults and recovery

    /** Marks a fault as injected now. */
    Fault fault(String label) {
        return new Fault(label, System.currentTimeMillis());
    }

    /**
     * Milliseconds from the end of the fault to the first acknowledged publish after it (a publish that
     * was waiting through the fault counts when it completes), or -1 if none.
     */
    long publishRecoveryMillis(Fault fault) {
        long first = Long.MAX_VALUE;
        for (int seq = 0; seq < attempts(); seq++) {
            long done = finishedAt.get(seq);
            if (isAcked(seq) && done >= fault.clearedAt()) {
                first = Math.min(first, done);
            }
        }
        return first == Long.MAX_VALUE ? -1 : first - fault.clearedAt();
    }

    /**
     * Milliseconds from the end of the fault to the first successful handler call, after it, of an event
     * whose publish was attempted after the fault was injected: the whole path works again. -1 if none.
     */
    long handlerRecoveryMillis(Fault fault) {
        return firstCallAfter(fault.clearedAt(), call -> call.success() && attemptedAt(call.seq()) >= fault.injectedAt());
    }

    /** Milliseconds from {@code since} to the first call that matches, or -1. */
    long firstCallAfter(long since, Predicate<Call> matching) {
        long first = Long.MAX_VALUE;
        for (Call call : calls) {
            if (call.at() >= since && matching.test(call)) {
                first = Math.min(first, call.at());
            }
        }
        return first == Long.MAX_VALUE ? -1 : first - since;
    }

    private int streamIndex(String stream) {
        int index = streams.indexOf(stream);
        if (index >= 0) {
            return index;
        }
        synchronized (streams) {
            index = streams.indexOf(stream);
            if (index < 0) {
                streams.add(stream);
                index = streams.size() - 1;
            }
            return index;
        }
    }

    /**
     * How often one consumer completed the same probe more than once (extra calls), per group: the
     * signature of a consumer racing itself, as opposed to a redelivery to another consumer.
     */
    Map<String, Long> sameConsumerDuplicates() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Call call : calls) {
            if (call.success()) {
                counts.computeIfAbsent(call.stream() + "/" + call.group(), key -> new java.util.HashMap<>())
                        .merge(call.seq() + " " + call.consumer(), 1, Integer::sum);
            }
        }
        Map<String, Long> duplicates = new LinkedHashMap<>();
        counts.forEach((group, perProbe) -> duplicates.put(group,
                perProbe.values().stream().mapToLong(count -> count - 1).sum()));
        return duplicates;
    }
}
