package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.math.BigDecimal;
import java.util.Map;

/** Publishes {@link BusinessEvent}s to {@code analytics.business.events}, keyed by account (spread when none). */
public final class BusinessEventPublisher extends TypedPublisher<BusinessEvent> {

    /** Creates the publisher. */
    public BusinessEventPublisher(Publisher publisher) {
        super(publisher, PlatformStreams.ANALYTICS_BUSINESS_EVENTS, BusinessEvent::accountId);
    }

    /** Publishes a business event. */
    public PublishResult publishBusinessEvent(String eventType, String accountId, BigDecimal amount, String currency,
                                              Map<String, Object> properties) {
        return publish(new BusinessEvent(eventType, accountId, amount, currency, properties));
    }
}
