/**
 * valkey-streams core: an event backbone on Valkey Streams without Spring. Sub-packages are split
 * by role: {@code catalog} (what streams exist), {@code connection} (talking to Valkey),
 * {@code admin} (provisioning, retention, status), {@code wire} (the entry format), {@code consume}
 * (consumer containers), {@code retry} (back-off, classification, recovery) and {@code deadletter}
 * (dead-letter streams and their tools).
 */
package io.valkeystreams.core;
