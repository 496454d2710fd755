package io.valkeystreams.spring;

import java.util.Map;

/** Reports consumer containers that should be running but are not, for the health indicator. */
@FunctionalInterface
public interface StoppedContainers {

    /** Stopped containers by name ({@code stream/group}), each with the reason. */
    Map<String, String> stopped();
}
