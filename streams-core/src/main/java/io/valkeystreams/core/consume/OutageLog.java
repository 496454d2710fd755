package io.valkeystreams.core.consume;

import java.time.Clock;
import org.slf4j.Logger;

/**
 * Logs an outage once when it starts and once when it ends, not on every failed attempt in between
 * (those go to debug). Used by one thread at a time.
 */
final class OutageLog {

    private final Logger log;
    private final String activity;
    private final Clock clock;
    private long failingSince = -1;

    OutageLog(Logger log, String activity, Clock clock) {
        this.log = log;
        this.activity = activity;
        this.clock = clock;
    }

    /** Records a failed attempt; returns whether it started an outage. */
    boolean failed(RuntimeException failure, Object retryHint) {
        if (failingSince < 0) {
            failingSince = clock.millis();
            log.warn("{} failed; retrying {}: {}", activity, retryHint, failure.getMessage());
            return true;
        }
        log.debug("{} still failing: {}", activity, failure.getMessage());
        return false;
    }

    /** Records a successful attempt; returns whether it ended an outage. */
    boolean succeeded() {
        if (failingSince < 0) {
            return false;
        }
        log.info("{} works again after {} ms", activity, Math.max(0, clock.millis() - failingSince));
        failingSince = -1;
        return true;
    }

    boolean isFailing() {
        return failingSince >= 0;
    }
}
