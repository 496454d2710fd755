package io.valkeystreams.core.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the user hash for analytics streams with HMAC-SHA256 under a secret key, so raw user
 * IDs never reach analytics and the hash cannot be reversed by hashing guessed IDs without the key.
 * Thread-safe.
 */
public final class UserHasher {

    /** Shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * Creates a hasher.
     *
     * @throws IllegalArgumentException when the key is shorter than {@link #MIN_KEY_BYTES} bytes
     */
    public UserHasher(byte[] secret) {
        if (secret == null || secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("user hash secret must be at least " + MIN_KEY_BYTES + " bytes, was "
                    + (secret == null ? "null" : secret.length + " bytes"));
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The lowercase hex HMAC-SHA256 of the user ID. */
    public String hash(String userId) {
        Require.nonBlank("user hash", "user_id", userId);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
