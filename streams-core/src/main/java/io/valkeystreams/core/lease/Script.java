package io.valkeystreams.core.lease;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script sent by its SHA-1 ({@code EVALSHA}) and, when the server does not know it yet (a fresh
 * node, a promoted replica, a restart), by its text ({@code EVAL}), which also loads it.
 */
final class Script {

    private final String text;
    private final String sha;

    Script(String text) {
        this.text = text;
        this.sha = sha1(text);
    }

    <T> T run(RedisClusterCommands<String, String> commands, ScriptOutputType type, String[] keys, String... args) {
        try {
            return commands.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return commands.eval(text, type, keys, args);
        }
    }

    <T> CompletionStage<T> runAsync(RedisClusterAsyncCommands<String, String> commands, ScriptOutputType type,
                                    String[] keys, String... args) {
        CompletionStage<T> bySha = commands.evalsha(sha, type, keys, args);
        return bySha.handle((result, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RedisNoScriptException) {
                return commands.<T>eval(text, type, keys, args);
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(stage -> stage);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
