/**
 * Leases on partitions, kept in Valkey, with fencing tokens: the building blocks of the consumer's
 * ordered mode. A {@link io.valkeystreams.core.lease.LeaseStore} acquires, renews and releases the
 * lease of one partition key for one consumer group and keeps a membership list per (stream, group);
 * a {@link io.valkeystreams.core.lease.FencedScript} runs a Lua script on a partition key only while a
 * given lease still holds, atomically, so an instance that lost its lease (paused, cut off) cannot
 * acknowledge or read after the fact. {@link io.valkeystreams.core.lease.LeaseKeys} names the keys.
 */
package io.valkeystreams.core.lease;
