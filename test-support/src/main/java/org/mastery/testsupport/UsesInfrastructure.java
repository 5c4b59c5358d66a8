package org.mastery.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring test whose application context needs PostgreSQL, Kafka, MongoDB and a token
 * issuer. Each distinct context gets databases of its own (PostgreSQL and MongoDB) and consumer
 * group names of its own; the Kafka broker and its topics are shared within the test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UsesInfrastructure {
}
