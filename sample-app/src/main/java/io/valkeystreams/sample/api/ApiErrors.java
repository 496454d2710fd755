package io.valkeystreams.sample.api;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.CatalogException;
import io.valkeystreams.core.publish.InvalidEventException;
import io.valkeystreams.core.publish.PublishRejectedException;
import io.valkeystreams.sample.reputation.UnknownUserException;
import io.valkeystreams.sample.state.StateQueryException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns refused input into 400 with the reason, unknown users and groups into 404, overload into 503, and server
 * trouble into 503; always as {@code {"error": reason}}.
 */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler({InvalidEventException.class, CatalogException.class})
    ResponseEntity<Map<String, String>> invalid(StreamsException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(StateQueryException.class)
    ResponseEntity<Map<String, String>> badQuery(StateQueryException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({UnknownUserException.class, NotFoundException.class})
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof StreamsException)) {
            cause = cause.getCause();
        }
        String reason = cause instanceof StreamsException ? cause.getMessage()
                : "request body is not valid JSON for this endpoint: " + e.getMostSpecificCause().getMessage();
        return ResponseEntity.badRequest().body(Map.of("error", reason));
    }

    @ExceptionHandler(PublishRejectedException.class)
    ResponseEntity<Map<String, String>> overloaded(PublishRejectedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(StreamsException.class)
    ResponseEntity<Map<String, String>> unavailable(StreamsException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }
}
