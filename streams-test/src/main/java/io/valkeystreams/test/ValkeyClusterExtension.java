package io.valkeystreams.test;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension behind {@link ValkeyClusterTest}: one {@link ValkeyCluster} of three masters per
 * test run (kept in the root store and closed when the run ends), flushed before every test, and
 * replaced when a test has killed a node or left it otherwise unhealthy.
 */
public final class ValkeyClusterExtension implements BeforeEachCallback, ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(ValkeyClusterExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ValkeyClusterExtension.class);
    private static final String KEY = "cluster";

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster(context).flushAll();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ValkeyCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster(extensionContext);
    }

    static ValkeyCluster cluster(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (ValkeyClusterExtension.class) {
            ValkeyCluster cluster = store.computeIfAbsent(KEY, key -> ValkeyCluster.start(), ValkeyCluster.class);
            if (!cluster.isHealthy()) {
                log.warn("shared test cluster {} is not healthy; starting a fresh one", cluster);
                cluster.close();
                store.remove(KEY);
                cluster = store.computeIfAbsent(KEY, key -> ValkeyCluster.start(), ValkeyCluster.class);
            }
            return cluster;
        }
    }
}
