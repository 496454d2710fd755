package io.valkeystreams.core.consume;

/** Lifecycle of a {@link ConsumerContainer}. */
public enum ContainerState {
    /** Built, not started. */
    NEW,
    /** Reading and handling entries. */
    RUNNING,
    /** Valkey cannot be reached; the container keeps retrying with capped back-off and resumes by itself. */
    DISCONNECTED,
    /** Stopped reading; finishing the entries it already read, within the shutdown timeout. */
    STOPPING,
    /** Stopped for good; entries it did not finish stay pending for other consumers. */
    STOPPED
}
