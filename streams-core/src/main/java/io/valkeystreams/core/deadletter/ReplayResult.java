package io.valkeystreams.core.deadletter;

/**
 * A dead letter put back on its source for the group that failed it.
 *
 * @param deadLetterId its former ID in the dead-letter stream (now deleted)
 * @param group        the only group that will handle it
 * @param sourceKey    the partition key it was written back to
 * @param entryId      its new entry ID there
 * @param eventId      its {@code event_id}, unchanged, or null when it had none
 */
public record ReplayResult(String deadLetterId, String group, String sourceKey, String entryId, String eventId) {
}
