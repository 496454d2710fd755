package io.valkeystreams.cli;

import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.catalog.StreamCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acl}: prints the ACL rules the library needs for the platform streams. */
@Command(name = "acl", mixinStandardHelpOptions = true,
        description = "Print the Valkey ACL rule line for the platform streams: only the commands valkey-streams "
                + "sends, only the keys of the catalog's streams (<name> and <name>:*) and the priority.events "
                + "channel. It sets no password; give the user one separately. Connects to nothing.",
        footer = {"", "Examples:",
                "  valkey-streams acl",
                "  valkey-streams acl --user orders-service | REDISCLI_AUTH=\"$ADMIN_PASSWORD\" valkey-cli --user admin",
                "  valkey-cli --user admin --askpass ACL SETUSER orders-service '>a-long-random-password'",
                "  valkey-streams acl --cluster            (run the line on every node)",
                "  valkey-streams acl --acl-file >> users.acl   (then add #<sha256 of the password> to the line)",
                "",
                "Applications with streams of their own generate their line with AclRules.of(catalog); "
                        + "see docs/security.md."})
final class AclCommand implements Callable<Integer> {

    @Option(names = "--user", paramLabel = "NAME", description = "ACL user name. Default: " + AclRules.DEFAULT_USER + ".")
    String user = AclRules.DEFAULT_USER;

    @Option(names = "--cluster", description = "Also grant what a Valkey Cluster client needs (CLUSTER NODES, CLUSTER MYID).")
    boolean cluster;

    @Option(names = "--acl-file", description = "Print a line for an ACL file (user NAME …) instead of an ACL SETUSER command.")
    boolean aclFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AclRules rules = AclRules.of(StreamCatalog.platform());
        if (cluster) {
            rules = rules.forCluster();
        }
        spec.commandLine().getOut().println(aclFile ? rules.aclFileLine(user) : rules.setUserCommand(user));
        return 0;
    }
}
