package io.valkeystreams.spring;

import io.valkeystreams.core.publish.PublishListener;
import io.valkeystreams.core.publish.PublishResult;
import java.util.List;

/** Fans publish events out to every {@link PublishListener} bean. */
final class CompositePublishListener implements PublishListener {

    private final List<PublishListener> listeners;

    CompositePublishListener(List<PublishListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void published(PublishResult result, long nanos) {
        listeners.forEach(listener -> listener.published(result, nanos));
    }

    @Override
    public void failed(String stream, Throwable error) {
        listeners.forEach(listener -> listener.failed(stream, error));
    }

    @Override
    public void notificationFailed(PublishResult result, Throwable error) {
        listeners.forEach(listener -> listener.notificationFailed(result, error));
    }
}
