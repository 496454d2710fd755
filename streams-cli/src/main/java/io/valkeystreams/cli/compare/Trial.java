package io.valkeystreams.cli.compare;

/** One run of one variant of a scenario, measured from its own start to its own end. */
@FunctionalInterface
interface Trial {

    /** Runs and measures. */
    Sample run() throws Exception;
}
