package io.valkeystreams.cli.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CPU time per kind of thread between two snapshots, to see where a scenario spends its client CPU. */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** What makes thread names of one kind differ: the stream and group of a container, counters. */
    private static final Pattern KIND = Pattern.compile("(?<=valkey-streams-(reader|worker|recovery))-.*|-\\d+$");

    private final Map<Long, Long> before = snapshot();

    /** Starts measuring now. */
    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** The busiest kinds of thread since the start, as {@code name ms}, busiest first. */
    List<String> busiest(int limit) {
        Map<Long, Long> after = snapshot();
        Map<String, Long> byKind = new HashMap<>();
        long[] ids = after.keySet().stream().mapToLong(Long::longValue).toArray();
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info != null) {
                long used = after.get(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L);
                byKind.merge(KIND.matcher(info.getThreadName()).replaceAll(""), used, Long::sum);
            }
        }
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").toList();
    }

    private static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
