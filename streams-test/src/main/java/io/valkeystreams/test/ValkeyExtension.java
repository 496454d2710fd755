package io.valkeystreams.test;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension behind {@link ValkeyTest}: one server per test run (kept in the root store and
 * closed when the run ends), flushed before every test, replaced if it has died.
 */
public final class ValkeyExtension implements BeforeEachCallback, ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(ValkeyExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ValkeyExtension.class);
    private static final String KEY = "server";

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).flushAll();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ValkeyServer.class.isAssignableFrom(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    static ValkeyServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (ValkeyExtension.class) {
            ValkeyServer server = store.computeIfAbsent(KEY, key -> ValkeyServers.resolve(), ValkeyServer.class);
            if (!server.isRunning()) {
                log.warn("shared test server {} stopped answering; starting a fresh one", server);
                server.close();
                store.remove(KEY);
                server = store.computeIfAbsent(KEY, key -> ValkeyServers.resolve(), ValkeyServer.class);
            }
            return server;
        }
    }
}
