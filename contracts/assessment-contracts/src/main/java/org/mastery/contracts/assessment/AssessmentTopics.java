package org.mastery.contracts.assessment;

/** The topics assessment-service writes; it is their only writer. */
public final class AssessmentTopics {

    /** Assessments and their forms, keyed by assessment id. */
    public static final String ASSESSMENTS = "assessment.assessments.v1";

    /** The attempt lifecycle, keyed by student id. */
    public static final String ATTEMPTS = "assessment.attempts.v1";

    /** Evidence of mastery (one record per student and competency scored), keyed by student id. */
    public static final String EVIDENCE = "assessment.evidence.v1";

    private AssessmentTopics() {
    }
}
