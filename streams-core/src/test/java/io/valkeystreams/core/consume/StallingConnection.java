package io.valkeystreams.core.consume;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.valkeystreams.core.connection.StreamsConnection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connection whose synchronous commands stall, while {@link #stall()} is in effect, on threads whose name
 * starts with a prefix — such as an instance's lease thread, to make it look paused (a long GC pause, a frozen
 * VM) while the rest of the test goes on. {@link #resume()} lets the stalled commands through.
 */
final class StallingConnection implements StreamsConnection {

    private final StreamsConnection delegate;
    private final String threadPrefix;
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final RedisClusterCommands<String, String> sync;

    @SuppressWarnings("unchecked")
    StallingConnection(StreamsConnection delegate, String threadPrefix) {
        this.delegate = delegate;
        this.threadPrefix = threadPrefix;
        this.sync = (RedisClusterCommands<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RedisClusterCommands.class}, (proxy, method, args) -> {
                    CountDownLatch closed = gate.get();
                    if (closed != null && Thread.currentThread().getName().startsWith(threadPrefix)) {
                        closed.await();
                    }
                    try {
                        return method.invoke(delegate.sync(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** From now on, commands of the matching threads wait until {@link #resume()}. */
    void stall() {
        gate.compareAndSet(null, new CountDownLatch(1));
    }

    /** Lets the stalled commands go on. */
    void resume() {
        CountDownLatch closed = gate.getAndSet(null);
        if (closed != null) {
            closed.countDown();
        }
    }

    @Override
    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return delegate.async();
    }

    @Override
    public AbstractRedisClient client() {
        return delegate.client();
    }

    @Override
    public boolean isCluster() {
        return delegate.isCluster();
    }

    @Override
    public String describe() {
        return delegate.describe() + " (stalling " + threadPrefix + "…)";
    }

    @Override
    public void close() {
        resume();
    }

    @Override
    public String toString() {
        return "StallingConnection[" + describe() + "]";
    }
}
