package io.valkeystreams.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AclRulesTest {

    static final String PLATFORM_LINE = "ACL SETUSER valkey-streams on resetkeys resetchannels clearselectors -@all"
            + " +ping +client|setinfo +client|setname"
            + " +type +xgroup|create"
            + " +xadd +publish +wait +waitaof"
            + " +xtrim"
            + " +xlen +xinfo|stream +xinfo|groups +xrange"
            + " +xreadgroup +xack +xpending +xclaim +xautoclaim +xinfo|consumers +xgroup|delconsumer +xdel"
            + " ~reputation.events ~reputation.events:*"
            + " ~user.mode.transitions ~user.mode.transitions:*"
            + " ~group.mode.activities ~group.mode.activities:*"
            + " ~verification.events ~verification.events:*"
            + " ~analytics.user.behavior ~analytics.user.behavior:*"
            + " ~analytics.business.events ~analytics.business.events:*"
            + " ~analytics.platform.metrics ~analytics.platform.metrics:*"
            + " &priority.events";

    @Test
    void thePlatformCatalogGetsExactlyTheDocumentedLine() {
        assertThat(AclRules.of(StreamCatalog.platform()).setUserCommand("valkey-streams")).isEqualTo(PLATFORM_LINE);
    }

    @Test
    void docsSecurityMdShowsTheLineThatIsGenerated() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "security.md"));
        AclRules rules = AclRules.of(StreamCatalog.platform());

        assertThat(docs).contains(PLATFORM_LINE, rules.aclFileLine("valkey-streams"),
                rules.forCluster().setUserCommand("valkey-streams"));
    }

    @Test
    void anApplicationStreamAddsItsNameAndItsSubkeys() {
        StreamCatalog catalog = StreamCatalog.builder()
                .register(StreamDefinition.builder("orders.placed").partitions(3).groups("billing").build()).build();

        AclRules rules = AclRules.of(catalog);

        assertThat(rules.keyPatterns()).hasSize(16).endsWith("~orders.placed", "~orders.placed:*");
        assertThat(rules.aclFileLine("orders")).startsWith("user orders on resetkeys").endsWith("~orders.placed:* &priority.events");
    }

    @Test
    void aClusterNeedsTheTopologyCommandsButNotInfo() {
        AclRules rules = AclRules.of(StreamCatalog.platform()).forCluster();

        assertThat(rules.commands()).contains("+cluster|nodes", "+cluster|myid").doesNotContain("+info");
        assertThat(AclRules.of(StreamCatalog.platform()).commands()).doesNotContain("+cluster|nodes");
    }

    @Test
    void anotherPriorityChannelIsGrantedInsteadAndGlobCharactersAreEscaped() {
        assertThat(AclRules.of(StreamCatalog.platform()).withPriorityChannel("alerts[high]*").channelPatterns())
                .containsExactly("&alerts\\[high\\]\\*");
        assertThatThrownBy(() -> AclRules.of(StreamCatalog.platform()).withPriorityChannel("two words"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without whitespace");
    }

    @Test
    void aUserNameThatWouldInjectRulesIsRefused() {
        assertThatThrownBy(() -> AclRules.of(StreamCatalog.platform()).setUserCommand("app +@all"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACL user name");
    }
}
