package io.valkeystreams.spring;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.admin.WrongKeyTypeException;
import io.valkeystreams.core.catalog.CatalogException;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.LettuceErrors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failure caused by valkey-streams: what went wrong and what to do. */
final class StreamsFailureAnalyzer extends AbstractFailureAnalyzer<StreamsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StreamsException cause) {
        return new FailureAnalysis("valkey-streams could not start: " + cause.getMessage(), action(cause), cause);
    }

    private static String action(StreamsException cause) {
        if (cause instanceof CommandException command && LettuceErrors.PERMISSION_DENIED.equals(command.errorCode())) {
            return "Grant the Valkey user of spring.data.redis.username the ACL rules valkey-streams needs: print them "
                    + "with 'valkey-streams acl --user <name>' (platform streams) or AclRules.of(catalog)"
                    + ".setUserCommand(\"<name>\") (with your own streams), and run the line as an administrator; "
                    + "see docs/security.md.";
        }
        if (cause instanceof ConnectionException) {
            return "Check that Valkey is running and that spring.data.redis.* (host, port, username, password, ssl, "
                    + "cluster.nodes) point at it; or set valkey.streams.provision=false to start without provisioning.";
        }
        if (cause instanceof WrongKeyTypeException wrongType) {
            return "Rename or delete the key '" + wrongType.key() + "' (it holds a " + wrongType.actualType()
                    + "), then start again; valkey-streams never deletes data it does not own.";
        }
        if (cause instanceof CatalogException) {
            return "Correct valkey.streams.streams.* / valkey.streams.extra-groups (or your StreamCatalogCustomizer) "
                    + "as the message says.";
        }
        return "Correct the problem the message describes and start again.";
    }
}
