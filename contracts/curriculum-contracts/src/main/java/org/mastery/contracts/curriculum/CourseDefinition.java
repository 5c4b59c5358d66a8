package org.mastery.contracts.curriculum;

import java.util.List;

/**
 * One version of a course.
 *
 * @param credits credits earned when every competency is mastered
 */
public record CourseDefinition(
        String courseId,
        int version,
        String code,
        String title,
        String subject,
        double credits,
        List<String> competencyIds) {
}
