package org.mastery.access.disclosure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that answers with an individual student's data (FERPA's "education
 * record"). After a successful (2xx) answer — and before its body is written — the service records a
 * {@link StudentRecordDisclosed} in its own event log for each student disclosed: who asked (the
 * token's subject and roles), which student, which endpoint, when, and the correlation id. The log
 * is immutable (the event store) and published on {@code <service>.disclosures.v1}.
 *
 * <p>The student is named by the path variable {@link #studentIdVariable()}; a method that discloses
 * students it only learns while answering (an attempt's student, a class list) names them with
 * {@link StudentRecordDisclosures#add(String)} instead (or as well). If the disclosure cannot be
 * recorded, nothing is disclosed: the request is answered 503.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DisclosesStudentRecord {

    /** What kind of record is disclosed, e.g. {@code progression}, {@code attempt}, {@code class-list}. */
    String record();

    /** The path variable holding the student id; empty when the method names the students itself. */
    String studentIdVariable() default "";
}
