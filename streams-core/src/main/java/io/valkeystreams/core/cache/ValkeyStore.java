package io.valkeystreams.core.cache;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Duration;

/**
 * The Valkey commands behind the caches, on the shared connection, with reads answered by the near
 * cache (through its tracking connection) when it is on. Lettuce errors are translated here.
 */
final class ValkeyStore implements AutoCloseable {

    static final int SCAN_COUNT = 500;

    private final StreamsConnection connection;
    private final NearCache near;
    private final TrackingConnection tracking;

    ValkeyStore(StreamsConnection connection, NearCache near, TrackingConnection tracking) {
        this.connection = connection;
        this.near = near;
        this.tracking = tracking;
    }

    /** What a read found: the stored text (null when absent) and whether the near cache answered. */
    record Read(String value, boolean near) {
    }

    Read read(String key) {
        if (near != null) {
            String local = near.get(key);
            if (local != null) {
                return new Read(local, true);
            }
            return new Read(tracking.read(key), false);
        }
        try {
            return new Read(connection.sync().get(key), false);
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("GET " + key, e);
        }
    }

    void write(String key, String value, Duration ttl) {
        try {
            connection.sync().set(key, value, SetArgs.Builder.px(ttl.toMillis()));
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("SET " + key, e);
        } finally {
            dropLocal(key);
        }
    }

    boolean delete(String key) {
        try {
            return connection.sync().del(key) > 0;
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("DEL " + key, e);
        } finally {
            dropLocal(key);
        }
    }

    long deleteByPrefix(String prefix) {
        ScanArgs match = ScanArgs.Builder.matches(escapeGlob(prefix) + "*").limit(SCAN_COUNT);
        long removed = 0;
        try {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = connection.sync().scan(cursor, match);
                if (!page.getKeys().isEmpty()) {
                    removed += connection.sync().unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
            return removed;
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("removing the keys '" + prefix + "*'", e);
        } finally {
            if (near != null) {
                near.invalidatePrefix(prefix);
            }
        }
    }

    int nearCacheSize() {
        return near == null ? 0 : near.size();
    }

    boolean nearCacheEnabled() {
        return near != null;
    }

    private void dropLocal(String key) {
        if (near != null) {
            near.invalidate(key);
        }
    }

    /** Escapes the glob characters of {@code SCAN MATCH} so a prefix matches only itself. */
    static String escapeGlob(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public void close() {
        if (tracking != null) {
            tracking.close();
        }
    }
}
