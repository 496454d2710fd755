package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.spring.actuate.StreamsEndpoint;
import io.valkeystreams.spring.actuate.StreamsHealthIndicator;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.TestCertificates;
import io.valkeystreams.test.ValkeyBinary;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter with an ACL user from spring.data.redis.username/password, and over TLS with an SSL bundle. */
@ValkeyTest
class StreamsSecurityIT {

    private static final String USER = "starter-app";
    private static final String PASSWORD = "starter-acl-password";

    @AfterEach
    void deleteUser(ValkeyServer server) {
        ((SpawnedValkeyServer) server).call("ACL", "DELUSER", USER);
    }

    @Test
    void whenTheUserHasTheGeneratedRulesThenTheStarterProvisionsPublishesAndReportsHealth(ValkeyServer server) {
        createUser((SpawnedValkeyServer) server, AclRules.of(StreamCatalog.platform()).setUserCommand(USER));

        asUser(server).withPropertyValues("management.endpoints.web.exposure.include=streams").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StreamsProvisioning.class).report().createdKeys()).hasSize(29);
            PublishResult result = context.getBean(ReputationEventPublisher.class)
                    .publishReputationChange("user-1", "exchange_completed", 2, null, null, null);
            assertThat(result.key().key()).isEqualTo("reputation.events:4");
            assertThat(context.getBean(StreamsEndpoint.class).streams()).hasSize(7);
            assertThat(context.getBean(StreamsHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void whenTheUserLacksAPermissionThenStartUpFailsNamingItAndTheAnalysisPointsAtTheAcl(ValkeyServer server) {
        createUser((SpawnedValkeyServer) server, AclRules.of(StreamCatalog.platform()).setUserCommand(USER)
                .replace(" ~verification.events:*", ""));

        asUser(server).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("NOPERM");
            FailureAnalysis analysis = new StreamsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getCause()).isInstanceOf(CommandException.class);
            assertThat(analysis.getDescription())
                    .contains("TYPE verification.events:0 failed: Valkey answered 'NOPERM");
            assertThat(analysis.getAction()).contains("ACL", "valkey-streams acl --user", "AclRules.of(catalog)",
                    "docs/security.md");
        });
    }

    @Test
    void springBootsOwnRedisHealthIndicatorNeedsInfoWhichTheRulesLeaveOut(ValkeyServer server) {
        String line = AclRules.of(StreamCatalog.platform()).setUserCommand(USER);
        ApplicationContextRunner runner = asUser(server)
                .withConfiguration(AutoConfigurations.of(DataRedisHealthContributorAutoConfiguration.class));

        createUser((SpawnedValkeyServer) server, line);
        runner.run(context -> assertThat(context.getBean("redisHealthContributor", HealthIndicator.class).health(true)
                .getStatus()).isEqualTo(Status.DOWN));
        createUser((SpawnedValkeyServer) server, line + " +info");
        runner.run(context -> assertThat(context.getBean("redisHealthContributor", HealthIndicator.class).health(true)
                .getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void whenSslUsesABundleTrustingTheTestCaThenTheStarterWorksOverTls() {
        assumeTrue(TestCertificates.opensslAvailable(), "openssl is not installed");
        try (TestCertificates certificates = TestCertificates.generate();
             SpawnedValkeyServer tls = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow())
                     .tls(certificates.serverCertificate(), certificates.serverKey(), certificates.caCertificate())
                     .start()) {
            tlsRunner(tls).withPropertyValues(
                    "spring.ssl.bundle.pem.valkey.truststore.certificate=file:" + certificates.caCertificate(),
                    "spring.data.redis.ssl.bundle=valkey").run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(StreamsProvisioning.class).report().createdKeys()).hasSize(29);
                        context.getBean(ReputationEventPublisher.class)
                                .publishReputationChange("user-1", "exchange_completed", 2, null, null, null);
                        assertThat(tls.call("XLEN", "reputation.events:4")).isEqualTo(1L);
                    });
            tlsRunner(tls).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new StreamsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("the TLS handshake failed");
            });
        }
    }

    private static ApplicationContextRunner tlsRunner(SpawnedValkeyServer tls) {
        return StarterContexts.withoutUrl()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + tls.tlsPort(),
                        "spring.data.redis.ssl.enabled=true", "spring.data.redis.timeout=5s");
    }

    private static ApplicationContextRunner asUser(ValkeyServer server) {
        return StarterContexts.withoutUrl().withPropertyValues("spring.data.redis.host=" + server.host(),
                "spring.data.redis.port=" + server.port(), "spring.data.redis.username=" + USER,
                "spring.data.redis.password=" + PASSWORD);
    }

    private static void createUser(SpawnedValkeyServer server, String setUserCommand) {
        List<String> words = new ArrayList<>(List.of(setUserCommand.split(" ")));
        words.add(">" + PASSWORD);
        server.call(words.toArray(String[]::new));
    }
}
