package org.mastery.contracts.access;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The disclosure topics: each service that serves an individual student's data writes its own
 * {@code <service>.disclosures.v1} (it is that topic's only writer), keyed by student id.
 */
public final class AccessTopics {

    /** The services that serve individual students' data, hence write a disclosure topic. */
    public static final List<String> SERVICES = List.of("curriculum", "assessment", "progression", "reporting");

    public static final String CURRICULUM_DISCLOSURES = "curriculum.disclosures.v1";
    public static final String ASSESSMENT_DISCLOSURES = "assessment.disclosures.v1";
    public static final String PROGRESSION_DISCLOSURES = "progression.disclosures.v1";
    public static final String REPORTING_DISCLOSURES = "reporting.disclosures.v1";

    private static final Pattern SERVICE = Pattern.compile("[a-z]+");

    private AccessTopics() {
    }

    /** {@code disclosures("progression")} is {@code progression.disclosures.v1}. */
    public static String disclosures(String service) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("a service name is lower-case letters, e.g. progression; got " + service);
        }
        return service + ".disclosures.v1";
    }

    /** Every disclosure topic, for a consumer of the whole log (reporting's access-log view). */
    public static List<String> allDisclosureTopics() {
        return SERVICES.stream().map(AccessTopics::disclosures).toList();
    }
}
