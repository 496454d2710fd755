package io.valkeystreams.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real local Valkey Cluster of three masters, shared by every test class of the
 * run, with an empty keyspace on every master before each test. Declare a {@link ValkeyCluster}
 * parameter to receive it and connect to {@link ValkeyCluster#url()}. Needs a {@code valkey-server}
 * binary (see {@link ValkeyCluster}).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ValkeyClusterExtension.class)
public @interface ValkeyClusterTest {
}
