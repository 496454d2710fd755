package io.valkeystreams.core.cluster;

import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the routing errors the masters answered ({@code INFO errorstats}): a {@code MOVED} or
 * {@code ASK} means a command reached a node that does not serve its key (the client had to be
 * redirected), a {@code CROSSSLOT} that one command named keys of different slots.
 */
final class RoutingErrors {

    private RoutingErrors() {
    }

    /** Zeroes every master's error counters. */
    static void reset(ValkeyCluster cluster) {
        cluster.masters().forEach(master -> master.call("CONFIG", "RESETSTAT"));
    }

    /** Every routing error counted since the last {@link #reset}, as {@code node: errorstat_…:count=n}. */
    static List<String> counted(ValkeyCluster cluster) {
        List<String> errors = new ArrayList<>();
        for (ClusterNode master : cluster.masters()) {
            for (String line : String.valueOf(master.call("INFO", "errorstats")).split("\r?\n")) {
                if (line.matches("errorstat_(MOVED|ASK|CROSSSLOT|TRYAGAIN):.*")) {
                    errors.add(master + ": " + line);
                }
            }
        }
        return errors;
    }
}
