/**
 * Dead letters: entries a consumer group gave up on, kept in {@code <name>:dlq} with their original
 * fields and the reason. {@link io.valkeystreams.core.deadletter.DeadLetters} lists, shows, replays
 * (to the failed group only) and purges them; {@link io.valkeystreams.core.deadletter.DeadLetters#writer}
 * is the recoverer that writes them.
 */
package io.valkeystreams.core.deadletter;
