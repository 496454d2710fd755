package io.valkeystreams.core.retry;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.wire.EventDecodingException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Refuses to retry failures whose cause chain holds one of a list of types. */
final class TypeExceptionClassifier implements ExceptionClassifier {

    static final TypeExceptionClassifier STANDARD = new TypeExceptionClassifier(List.of(EventDecodingException.class));

    private final List<Class<? extends Throwable>> notRetryable;

    private TypeExceptionClassifier(List<Class<? extends Throwable>> notRetryable) {
        this.notRetryable = List.copyOf(notRetryable);
    }

    @SafeVarargs
    static TypeExceptionClassifier notRetrying(Class<? extends Throwable>... types) {
        if (types == null) {
            throw new StreamsException("exception types must not be null");
        }
        List<Class<? extends Throwable>> all = new ArrayList<>(STANDARD.notRetryable);
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new StreamsException("exception type #" + i + " must not be null");
            }
            all.add(types[i]);
        }
        return new TypeExceptionClassifier(all);
    }

    @Override
    public boolean isRetryable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null;
             cause = cause.getCause()) {
            for (Class<? extends Throwable> type : notRetryable) {
                if (type.isInstance(cause)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ExceptionClassifier[not retrying " + notRetryable + "]";
    }
}
