package org.mastery.contracts.progression;

/** The topics progression-service writes; it is their only writer. */
public final class ProgressionTopics {

    /** What progression decided for each student, with the evidence it accepted, keyed by student id. */
    public static final String DECISIONS = "progression.decisions.v1";

    /** Student agency: goals, reflections and peer-tutoring choices, keyed by student id. */
    public static final String JOURNEYS = "progression.journeys.v1";

    private ProgressionTopics() {
    }
}
