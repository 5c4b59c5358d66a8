package org.mastery.contracts.progression;

import java.util.List;

/**
 * Every competency of a course is mastered: its credit is earned. Published on {@link
 * ProgressionTopics#DECISIONS} as {@code progression.CourseCreditEarned}.
 */
public record CourseCreditEarned(
        String studentId,
        String courseId,
        double credits,
        List<String> competencyIds) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.CourseCreditEarned";
}
