package io.valkeystreams.cli.compare;

import java.lang.management.ManagementFactory;

/** Process CPU time of this JVM (every thread: application, Netty, JIT, GC). */
final class CpuClock {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CpuClock() {
    }

    /** CPU nanoseconds used by the process so far. */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
