package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

class ValkeyExtensionTest {

    static final List<Integer> ports = new ArrayList<>();

    @Test
    void eachTestGetsAnEmptyKeyspaceAndADeadServerIsReplaced() {
        ports.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Scenario.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(ports).hasSize(3);
    }

    @ValkeyTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Scenario {

        @Test
        @Order(1)
        void writesAKey(ValkeyServer server) {
            ports.add(server.port());
            SpawnedValkeyServer spawned = (SpawnedValkeyServer) server;
            spawned.call("SET", "left-over", "1");
        }

        @Test
        @Order(2)
        void seesAnEmptyKeyspaceThenKillsTheServer(ValkeyServer server) {
            ports.add(server.port());
            SpawnedValkeyServer spawned = (SpawnedValkeyServer) server;
            assertThat(spawned.call("DBSIZE")).isEqualTo(0L);
            spawned.kill();
        }

        @Test
        @Order(3)
        void getsARunningServerAgain(ValkeyServer server) {
            ports.add(server.port());
            assertThat(server.isRunning()).isTrue();
        }
    }
}
