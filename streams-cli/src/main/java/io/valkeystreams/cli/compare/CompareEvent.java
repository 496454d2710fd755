package io.valkeystreams.cli.compare;

/**
 * The event every path of the comparison writes: a reputation-like event of eight fields, about
 * 300 bytes as an entry once the publisher's metadata is added.
 *
 * @param userId             partition key
 * @param eventType          the {@code event_type}
 * @param impactScore        a small signed number
 * @param groupId            a group ID
 * @param exchangeId         an exchange ID
 * @param description        free text
 * @param processingPriority {@code normal} or {@code high}
 * @param sentAt             the intended send time, {@link System#nanoTime()} of the sending JVM
 */
record CompareEvent(String userId, String eventType, double impactScore, String groupId, String exchangeId,
                           String description, String processingPriority, long sentAt) {
}
