package io.valkeystreams.core.publish;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.DedicatedConnection;
import io.valkeystreams.core.connection.LettuceErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writes a batch of entries in one pipeline on a manually flushed connection. */
final class BatchWriter {

    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private BatchWriter() {
    }

    static List<PublishResult> write(DedicatedConnection connection, List<PreparedEntry> entries, Confirmer confirmer,
                                     Duration confirmTimeout) {
        List<RedisFuture<String>> ids = new ArrayList<>(entries.size());
        for (PreparedEntry entry : entries) {
            ids.add(connection.async().dispatch(EncodedXAdd.type(), EncodedXAdd.output(), entry.command()));
        }
        connection.flush();
        String where = "publishing a batch of " + entries.size() + " events";
        try {
            if (!LettuceFutures.awaitAll(BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
                    ids.toArray(new RedisFuture<?>[0]))) {
                throw new ConnectionException(where + " timed out after "
                        + BATCH_TIMEOUT.toSeconds() + " s; some events of the batch may be stored");
            }
            List<PublishResult> results = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                results.add(entries.get(i).resultFor(ids.get(i).get()));
            }
            if (confirmer.isRequested()) {
                connection.setAutoFlush(true);
                try {
                    String missing = confirmer.confirm(connection.sync());
                    if (missing != null) {
                        throw new DurabilityException("batch of " + entries.size() + " events was written but not "
                                + "confirmed (" + missing + ", timeout " + confirmTimeout.toMillis() + " ms)",
                                results.get(results.size() - 1));
                    }
                } finally {
                    connection.setAutoFlush(false);
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LettuceErrors.translate(where, e);
        } catch (DurabilityException e) {
            throw e;
        } catch (Exception e) {
            throw LettuceErrors.translate(where + " (earlier events of the batch may be stored)", e);
        }
    }
}
