package io.valkeystreams.cli;

import io.valkeystreams.core.admin.ProvisionReport;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.connection.StreamsConnection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code init}: provisions every stream key and consumer group of the catalog. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create every partition key of the catalog as a stream with all its consumer groups "
                + "(from ID 0). Idempotent; safe to run from several places at once.",
        footer = {"", "Examples:", "  valkey-streams init", "  valkey-streams init --url redis://10.0.0.5:6379 --json"})
final class InitCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StreamsConnection streams = connection.connect()) {
            ProvisionReport report = new Provisioner(streams).provision(connection.catalog());
            if (json) {
                out.println(Json.write(report));
            } else {
                out.printf("created %d stream keys and %d consumer groups; %d keys and %d groups already existed%n",
                        report.createdKeys().size(), report.createdGroups().size(),
                        report.existingKeys().size(), report.existingGroups().size());
            }
        }
        return 0;
    }
}
