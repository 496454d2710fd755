package io.valkeystreams.core.events;

import io.valkeystreams.core.publish.InvalidEventException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A business event for revenue tracking, on {@code analytics.business.events}, keyed by account
 * (or spread evenly when there is none).
 *
 * @param eventType  what happened, such as {@code subscription_started} (required)
 * @param accountId  the paying account, or null
 * @param amount     money involved, or null; exact decimal
 * @param currency   ISO 4217 code, required with an amount
 * @param properties free-form properties, written as JSON text (empty when null)
 */
public record BusinessEvent(String eventType, String accountId, BigDecimal amount, String currency,
                            Map<String, Object> properties) {

    /** Validates the fields. */
    public BusinessEvent {
        Require.nonBlank("business event", "event_type", eventType);
        Require.optionalNonBlank("business event", "account_id", accountId);
        if (amount != null && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw new InvalidEventException("business event: currency must be a three-letter ISO 4217 code when "
                    + "an amount is given, was " + currency);
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
