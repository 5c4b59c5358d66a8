package org.mastery.contracts.roster;

/** The topics curriculum-service writes; it is their only writer. */
public final class RosterTopics {

    /** Districts, schools and their leaders, keyed by organisation id. */
    public static final String ORGANIZATIONS = "roster.organizations.v1";

    /** Classes (sections) and their teachers, keyed by class id. */
    public static final String CLASSES = "roster.classes.v1";

    /** Students, their enrolments and guardians, keyed by student id (person id for erasures). */
    public static final String ENROLLMENTS = "roster.enrollments.v1";

    private RosterTopics() {
    }
}
