package io.valkeystreams.sample.api;

import io.valkeystreams.core.events.AnalyticsEventPublisher;
import io.valkeystreams.core.events.BusinessEvent;
import io.valkeystreams.core.events.BusinessEventPublisher;
import io.valkeystreams.core.events.GroupActivityEvent;
import io.valkeystreams.core.events.GroupActivityPublisher;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.PlatformMetricEvent;
import io.valkeystreams.core.events.PlatformMetricsPublisher;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.events.UserBehaviorEvent;
import io.valkeystreams.core.events.UserHasher;
import io.valkeystreams.core.events.VerificationEvent;
import io.valkeystreams.core.events.VerificationEventPublisher;
import io.valkeystreams.core.publish.InvalidEventException;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.sample.state.Units;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Publishes to each of the seven platform streams; answers 202 with where the event was written. */
@RestController
@RequestMapping("/api")
class PublishController {

    private final ReputationEventPublisher reputation;
    private final ModeTransitionPublisher modes;
    private final VerificationEventPublisher verification;
    private final GroupActivityPublisher groups;
    private final AnalyticsEventPublisher analytics;
    private final UserHasher hasher;
    private final BusinessEventPublisher business;
    private final PlatformMetricsPublisher metrics;

    PublishController(ReputationEventPublisher reputation, ModeTransitionPublisher modes,
                      VerificationEventPublisher verification, GroupActivityPublisher groups,
                      AnalyticsEventPublisher analytics, UserHasher hasher, BusinessEventPublisher business,
                      PlatformMetricsPublisher metrics) {
        this.reputation = reputation;
        this.modes = modes;
        this.verification = verification;
        this.groups = groups;
        this.analytics = analytics;
        this.hasher = hasher;
        this.business = business;
        this.metrics = metrics;
    }

    @PostMapping("/reputation-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> reputation(@RequestBody PublishRequests.Reputation body) {
        double impact = required("impact_score", body.impactScore());
        exact("impact_score", BigDecimal.valueOf(impact));
        return accepted(reputation.publishReputationChange(body.userId(), body.eventType(), impact, body.groupId(),
                body.exchangeId(), body.description()));
    }

    @PostMapping("/mode-transitions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> modeTransition(@RequestBody PublishRequests.ModeTransition body) {
        return accepted(modes.publishModeTransition(body.userId(), body.fromMode(), body.toMode(), body.reason()));
    }

    @PostMapping("/verification-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> verification(@RequestBody PublishRequests.Verification body) {
        return accepted(verification.publish(new VerificationEvent(body.userId(), body.eventType(),
                body.verificationType(), body.status(), body.verifiedBy(), body.reason())));
    }

    @PostMapping("/group-activities")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> groupActivity(@RequestBody PublishRequests.GroupActivity body) {
        return accepted(groups.publish(new GroupActivityEvent(body.groupId(), body.eventType(), body.actorUserId(),
                body.details())));
    }

    @PostMapping("/analytics/behavior")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> behavior(@RequestBody PublishRequests.Behavior body) {
        if ((body.userId() == null) == (body.userHash() == null)) {
            throw new InvalidEventException("user behavior event: give exactly one of user_id (hashed before "
                    + "publishing) and user_hash");
        }
        String userHash = body.userHash() != null ? body.userHash() : hasher.hash(body.userId());
        return accepted(analytics.publish(new UserBehaviorEvent(userHash, body.eventType(), body.eventCategory(),
                body.properties(), body.sessionHash(), body.platform())));
    }

    @PostMapping("/analytics/business-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> businessEvent(@RequestBody PublishRequests.Business body) {
        if (body.amount() != null) {
            exact("amount", body.amount());
        }
        return accepted(business.publish(new BusinessEvent(body.eventType(), body.accountId(), body.amount(),
                body.currency(), body.properties())));
    }

    @PostMapping("/analytics/platform-metrics")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> platformMetric(@RequestBody PublishRequests.PlatformMetric body) {
        return accepted(metrics.publish(new PlatformMetricEvent(body.service(), body.metricName(),
                required("value", body.value()), body.unit(), body.tags())));
    }

    private static double required(String field, Double value) {
        if (value == null) {
            throw new InvalidEventException(field + " is required");
        }
        return value;
    }

    /** Refuses a value the consumers could not add up exactly ({@link Units}). */
    private static void exact(String field, BigDecimal value) {
        try {
            Units.of(field, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage());
        }
    }

    private static Map<String, Object> accepted(PublishResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stream", result.key().key());
        body.put("id", result.entryId());
        body.put("partition", result.partition());
        return body;
    }
}
