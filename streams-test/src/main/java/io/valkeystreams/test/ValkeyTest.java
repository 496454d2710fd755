package io.valkeystreams.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Valkey server, shared by every test class of the run, with an empty
 * keyspace before each test. Declare a {@link ValkeyServer} parameter to receive it.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ValkeyExtension.class)
public @interface ValkeyTest {
}
