package io.valkeystreams.sample.api;

/** What a request names does not exist; answered with 404 and the message. */
class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
