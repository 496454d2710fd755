package io.valkeystreams.spring.consume;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerListener;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.ContainerState;
import io.valkeystreams.core.consume.HandlerRegistry;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.spring.StoppedContainers;
import io.valkeystreams.spring.StreamHandlerRegistration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;

/**
 * One consumer container per (stream, group) that has {@code @StreamHandler} methods. Built and checked
 * when every singleton exists (so a bad declaration fails start-up); started after the context is ready;
 * stopped gracefully on shutdown (in-flight handlers finish, then are acknowledged).
 */
public final class StreamContainers implements SmartInitializingSingleton, SmartLifecycle, StoppedContainers {

    /** Late phase: containers start after the web server and stop before it. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(StreamContainers.class);

    private final StreamHandlerDiscovery discovery;
    private final List<StreamHandlerRegistration> registrations;
    private final StreamsConnection connection;
    private final StreamCatalog catalog;
    private final EventCodec codec;
    private final ConsumerListener listener;
    private final BiFunction<String, String, ConsumerOptions> options;
    private final HandlerInvoker invoker;
    private final Map<String, ConsumerContainer> containers = new LinkedHashMap<>();
    private volatile boolean running;

    /**
     * Creates the set of containers.
     *
     * @param registrations handlers declared in code, each a container of its own
     * @param options       the options of a (stream, group)
     * @param invoker       runs each handler call (observed when tracing is present)
     */
    public StreamContainers(StreamHandlerDiscovery discovery, List<StreamHandlerRegistration> registrations,
                            StreamsConnection connection, StreamCatalog catalog, EventCodec codec,
                            ConsumerListener listener, BiFunction<String, String, ConsumerOptions> options,
                            HandlerInvoker invoker) {
        this.discovery = discovery;
        this.registrations = List.copyOf(registrations);
        this.connection = connection;
        this.catalog = catalog;
        this.codec = codec;
        this.listener = listener;
        this.options = options;
        this.invoker = invoker;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, List<HandlerMethod>> byGroup = new LinkedHashMap<>();
        for (HandlerMethod method : discovery.methods()) {
            StreamDefinition definition = catalog.find(method.stream()).orElseThrow(() -> new BeanInitializationException(
                    "@StreamHandler method " + method.describe() + ": unknown stream '" + method.stream()
                            + "'; known streams: " + String.join(", ", catalog.streams().stream()
                            .map(StreamDefinition::name).toList())));
            if (!definition.hasGroup(method.group())) {
                throw new BeanInitializationException("@StreamHandler method " + method.describe() + ": stream '"
                        + method.stream() + "' has no group '" + method.group() + "'; its groups: "
                        + String.join(", ", definition.groups()) + " (add one with valkey.streams.extra-groups)");
            }
            byGroup.computeIfAbsent(method.stream() + "/" + method.group(), key -> new ArrayList<>()).add(method);
        }
        byGroup.forEach((name, methods) -> containers.put(name, build(methods)));
        for (StreamHandlerRegistration registration : registrations) {
            String name = registration.stream() + "/" + registration.group();
            if (containers.containsKey(name)) {
                throw new BeanInitializationException("the handlers registered in code for " + name
                        + " collide with @StreamHandler methods of the same stream and group");
            }
            containers.put(name, container(catalog.require(registration.stream()), registration.group(),
                    registration.handlers()));
        }
    }

    private ConsumerContainer build(List<HandlerMethod> methods) {
        HandlerMethod first = methods.get(0);
        HandlerRegistry.Builder registry = HandlerRegistry.builder();
        Map<String, HandlerMethod> owners = new LinkedHashMap<>();
        HandlerMethod catchAll = null;
        for (HandlerMethod method : methods) {
            if (method.isCatchAll()) {
                if (catchAll != null) {
                    throw new BeanInitializationException("@StreamHandler methods " + catchAll.describe() + " and "
                            + method.describe() + " both take every event type of " + first.stream() + "/"
                            + first.group() + "; give one of them eventType");
                }
                catchAll = method;
                registry.onAny(method.handler(codec, invoker));
                continue;
            }
            for (String eventType : method.eventTypes()) {
                HandlerMethod owner = owners.putIfAbsent(eventType, method);
                if (owner != null) {
                    throw new BeanInitializationException("@StreamHandler methods " + owner.describe() + " and "
                            + method.describe() + " both handle event type '" + eventType + "' for "
                            + first.stream() + "/" + first.group() + "; one handler per event type and group");
                }
                registry.onRaw(eventType, method.handler(codec, invoker));
            }
        }
        return container(catalog.require(first.stream()), first.group(), registry.build());
    }

    private ConsumerContainer container(StreamDefinition definition, String group, HandlerRegistry handlers) {
        return ConsumerContainer.builder(connection, definition, group)
                .handlers(handlers)
                .codec(codec)
                .listener(listener)
                .options(options.apply(definition.name(), group))
                .build();
    }

    /** The containers, by {@code stream/group}. */
    public Map<String, ConsumerContainer> containers() {
        return Map.copyOf(containers);
    }

    @Override
    public void start() {
        containers.values().forEach(ConsumerContainer::start);
        running = true;
        if (!containers.isEmpty()) {
            log.info("valkey-streams started {} consumer containers: {}", containers.size(), containers.keySet());
        }
    }

    @Override
    public void stop() {
        running = false;
        List<Thread> stopping = new ArrayList<>();
        containers.forEach((name, container) -> {
            Thread thread = new Thread(container::stop, "valkey-streams-stop-" + name);
            thread.start();
            stopping.add(thread);
        });
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public Map<String, String> stopped() {
        if (!running) {
            return Map.of();
        }
        Map<String, String> stopped = new TreeMap<>();
        containers.forEach((name, container) -> {
            ContainerState state = container.state();
            if (state == ContainerState.STOPPED || state == ContainerState.DISCONNECTED) {
                stopped.put(name, state.name());
            }
        });
        return stopped;
    }
}
