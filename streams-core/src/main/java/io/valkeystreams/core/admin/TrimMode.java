package io.valkeystreams.core.admin;

/** How retention trimming cuts a stream. */
public enum TrimMode {
    /**
     * {@code XTRIM MINID ~}: removes whole internal nodes only, so a few entries just past the
     * retention may stay until the next run. Cheap; used on the schedule.
     */
    APPROXIMATE,
    /** {@code XTRIM MINID}: removes exactly every entry older than the retention. */
    EXACT
}
