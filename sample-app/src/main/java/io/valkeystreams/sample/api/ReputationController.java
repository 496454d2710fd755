package io.valkeystreams.sample.api;

import io.valkeystreams.core.publish.InvalidEventException;
import io.valkeystreams.sample.reputation.ReputationReader;
import io.valkeystreams.sample.reputation.ReputationView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/users/{userId}/reputation}: the user's score, trust level and event count, through the cache. */
@RestController
@RequestMapping("/api/users")
class ReputationController {

    private final ReputationReader reader;

    ReputationController(ReputationReader reader) {
        this.reader = reader;
    }

    @GetMapping("/{userId}/reputation")
    ReputationView reputation(@PathVariable String userId) {
        if (userId.isBlank()) {
            throw new InvalidEventException("user_id must not be blank");
        }
        return reader.read(userId);
    }
}
