package io.valkeystreams.core.retry;

import java.time.Duration;

/**
 * How long a failed entry stays pending before it is delivered again. The retry loop evaluates the
 * policy on every pass for every pending entry, so an implementation must give the same answer for the
 * same entry and delivery count (draw any jitter from the arguments, not from a fresh random number).
 */
public interface BackOffPolicy {

    /**
     * The idle time an entry must reach after its {@code deliveries}-th delivery failed before it is
     * delivered again.
     *
     * @param deliveries how often the entry has been delivered so far, at least 1
     * @param entryId    the entry's ID, a stable seed for jitter
     */
    Duration delayAfter(long deliveries, String entryId);

    /** The smallest delay this policy ever returns; pending entries younger than this are not looked at. */
    Duration minimumDelay();
}
