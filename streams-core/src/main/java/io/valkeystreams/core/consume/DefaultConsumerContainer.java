package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.lease.LeaseStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConsumerContainer}: wires readers, lanes and the background loop — the retry and recovery loop in
 * unordered mode, the lease keeper in ordered mode — and runs the lifecycle.
 */
final class DefaultConsumerContainer implements ConsumerContainer {

    static final Duration THREAD_END_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DefaultConsumerContainer.class);

    private final ContainerSetup setup;
    private final List<StreamKey> keys;
    private final AtomicReference<ContainerState> state = new AtomicReference<>(ContainerState.NEW);
    private final Set<Integer> unreachableReaders = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final InFlight inFlight = new InFlight();
    private final List<Thread> readers = new ArrayList<>();
    private ExecutorService workers;
    private ScheduledExecutorService background;
    private ScheduledExecutorService timer;
    private Lanes lanes;
    private LeaseKeeper keeper;

    DefaultConsumerContainer(ContainerSetup setup) {
        this.setup = setup;
        this.keys = setup.definition().keys();
    }

    @Override
    public synchronized void start() {
        if (state.get() != ContainerState.NEW) {
            throw new StreamsException("consumer container " + this + " is " + state.get()
                    + "; a container starts once, build a new one");
        }
        ConsumerOptions options = setup.options();
        String label = stream() + "-" + group();
        GroupCommands commands = new GroupCommands(setup.connection(), group(), consumerName());
        EntryProcessor processor = new EntryProcessor(group(), setup.handlers(), setup.codec(), options,
                setup.backOff(), setup.classifier(), setup.recoverer(), setup.listener(), setup.clock());
        int threads = Math.min(options.partitionConcurrency(), keys.size());
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("valkey-streams-worker-" + label + "-"));
        List<List<StreamKey>> reads = setup.readPlan().reads(keys);
        List<StreamReader.Step> steps = options.mode() == ConsumerMode.ORDERED
                ? ordered(commands, processor, reads, label) : unordered(commands, processor, reads, label);
        for (int i = 0; i < steps.size(); i++) {
            int reader = i;
            StreamReader loop = new StreamReader(setup.connection().client(), steps.get(i), commands, options,
                    reachable -> readerReachable(reader, reachable), stopSignal, setup.clock());
            Thread thread = new Thread(loop, "valkey-streams-reader-" + label + (steps.size() > 1 ? "-" + i : ""));
            thread.setDaemon(true);
            readers.add(thread);
        }
        transition(ContainerState.NEW, ContainerState.RUNNING);
        readers.forEach(Thread::start);
        log.info("consumer {} of group {} started on {} ({} mode, {} reader{}, {} worker threads)", consumerName(),
                group(), keys, options.mode(), steps.size(), steps.size() == 1 ? "" : "s", threads);
    }

    private List<StreamReader.Step> unordered(GroupCommands commands, EntryProcessor processor,
                                              List<List<StreamKey>> reads, String label) {
        ConsumerOptions options = setup.options();
        PartitionLanes partitionLanes = new PartitionLanes(workers, processor, commands, inFlight, options.batchSize());
        lanes = partitionLanes;
        boolean cluster = setup.connection().isCluster();
        int inFlightLimit = options.batchSize() * keys.size();
        List<StreamReader.Step> steps = new ArrayList<>();
        for (List<StreamKey> read : reads) {
            steps.add(cluster ? new PollingRead(read, commands, options, inFlight, partitionLanes)
                    : new BlockingRead(read, commands, options, inFlight, inFlightLimit, partitionLanes));
        }
        RecoveryLoop loop = new RecoveryLoop(keys, commands, options, setup.backOff(), inFlight, partitionLanes,
                processor, setup.listener(), setup.clock());
        background = Executors.newSingleThreadScheduledExecutor(daemonThreads("valkey-streams-recovery-" + label + "-"));
        long interval = options.recoveryInterval().toNanos();
        background.scheduleWithFixedDelay(loop, interval, interval, TimeUnit.NANOSECONDS);
        return steps;
    }

    private List<StreamReader.Step> ordered(GroupCommands commands, EntryProcessor processor,
                                            List<List<StreamKey>> reads, String label) {
        ConsumerOptions options = setup.options();
        Ownership ownership = new Ownership();
        FencedCommands fenced = new FencedCommands(setup.connection(), group(), consumerName());
        timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("valkey-streams-retry-" + label + "-"));
        OrderedLanes orderedLanes = new OrderedLanes(workers, timer, processor, fenced, ownership, inFlight,
                setup.backOff(), options, setup.listener(), group());
        lanes = orderedLanes;
        boolean cluster = setup.connection().isCluster();
        List<StreamReader.Step> steps = new ArrayList<>();
        for (List<StreamKey> read : reads) {
            steps.add(new LeasedRead(read, fenced, ownership, options, inFlight, orderedLanes, !cluster));
        }
        keeper = new LeaseKeeper(LeaseStore.on(setup.connection()), fenced, commands, keys, options, ownership,
                inFlight, orderedLanes, setup.listener(), setup.clock());
        background = Executors.newSingleThreadScheduledExecutor(daemonThreads("valkey-streams-lease-" + label + "-"));
        background.scheduleWithFixedDelay(keeper, 0, options.leases().renewInterval().toNanos(), TimeUnit.NANOSECONDS);
        return steps;
    }

    @Override
    public synchronized void stop() {
        ContainerState current = state.get();
        if (current == ContainerState.NEW) {
            transition(current, ContainerState.STOPPED);
            return;
        }
        if (current == ContainerState.STOPPED || !transition(current, ContainerState.STOPPING)) {
            return;
        }
        stopSignal.countDown();
        if (keeper == null) {
            background.shutdown();
        } else {
            keeper.stopAcquiring();
            ((OrderedLanes) lanes).stopRetrying();
        }
        boolean drained = false;
        try {
            Duration readEnd = setup.options().blockTimeout().plus(THREAD_END_TIMEOUT);
            for (Thread reader : readers) {
                reader.join(readEnd.toMillis());
                if (reader.isAlive()) {
                    reader.interrupt();
                }
            }
            if (keeper == null) {
                awaitTermination(background);
            }
            drained = inFlight.awaitBelow(1, setup.options().shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drained) {
            workers.shutdown();
        } else {
            log.warn("consumer {} of group {}: {} entries did not finish within {}; they stay pending for other "
                    + "consumers", consumerName(), group(), inFlight.size(), setup.options().shutdownTimeout());
            lanes.abort();
            workers.shutdownNow();
        }
        awaitWorkers();
        if (keeper != null) {
            background.shutdown();
            timer.shutdownNow();
            awaitTermination(background);
            keeper.releaseAll();
        }
        transition(ContainerState.STOPPING, ContainerState.STOPPED);
        log.info("consumer {} of group {} stopped", consumerName(), group());
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(THREAD_END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitWorkers() {
        try {
            if (!workers.awaitTermination(THREAD_END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("consumer {} of group {}: a handler ignored the interrupt and is still running",
                        consumerName(), group());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readerReachable(int reader, boolean reachable) {
        boolean changed = reachable ? unreachableReaders.remove(reader) : unreachableReaders.add(reader);
        if (!changed) {
            return;
        }
        if (unreachableReaders.isEmpty()) {
            transition(ContainerState.DISCONNECTED, ContainerState.RUNNING);
        } else {
            transition(ContainerState.RUNNING, ContainerState.DISCONNECTED);
        }
    }

    private boolean transition(ContainerState from, ContainerState to) {
        if (!state.compareAndSet(from, to)) {
            return false;
        }
        setup.listener().stateChanged(this, from, to);
        return true;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public boolean isRunning() {
        ContainerState current = state.get();
        return current == ContainerState.RUNNING || current == ContainerState.DISCONNECTED;
    }

    @Override
    public ContainerState state() {
        return state.get();
    }

    @Override
    public String stream() {
        return setup.definition().name();
    }

    @Override
    public String group() {
        return setup.group();
    }

    @Override
    public String consumerName() {
        return setup.consumerName();
    }

    @Override
    public ConsumerOptions options() {
        return setup.options();
    }

    @Override
    public String toString() {
        return "ConsumerContainer[" + stream() + "/" + group() + "/" + consumerName() + ", " + state.get() + "]";
    }
}
