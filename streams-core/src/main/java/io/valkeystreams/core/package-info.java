/**
 * valkey-streams core: an event backbone on Valkey Streams without Spring. Sub-packages are split
 * by role: {@code catalog} (what streams exist), {@code connection} (talking to Valkey),
 * {@code admin} (provisioning, retention, status).
 */
package io.valkeystreams.core;
