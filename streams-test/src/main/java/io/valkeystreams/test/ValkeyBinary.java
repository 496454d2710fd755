package io.valkeystreams.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a {@code valkey-server} or {@code redis-server} executable. */
public final class ValkeyBinary {

    /** Environment variable naming an explicit server binary; it wins over {@code PATH}. */
    public static final String BINARY_ENV = "VALKEY_SERVER_BIN";

    private static final List<String> NAMES = List.of("valkey-server", "redis-server");

    private ValkeyBinary() {
    }

    /** Looks in {@code $VALKEY_SERVER_BIN}, then each {@code PATH} entry, for a server binary. */
    public static Optional<Path> find() {
        return find(System.getenv(BINARY_ENV), System.getenv("PATH"));
    }

    /** Looks for a server binary given explicit values of {@code VALKEY_SERVER_BIN} and {@code PATH}. */
    public static Optional<Path> find(String explicitBinary, String pathVariable) {
        if (explicitBinary != null && !explicitBinary.isBlank()) {
            Path explicit = Path.of(explicitBinary);
            if (!Files.isExecutable(explicit)) {
                throw new ValkeyServerException(BINARY_ENV + "=" + explicitBinary + " is not an executable file");
            }
            return Optional.of(explicit);
        }
        if (pathVariable == null || pathVariable.isBlank()) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String entry : pathVariable.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(entry, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
