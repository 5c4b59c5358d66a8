package org.mastery.progression.journey.domain;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Every competency of a course is mastered. */
@Revision("1")
public record CourseCreditEarned(String studentId, String courseId, int courseVersion, double credits, List<String> competencyIds) implements JourneyFact {
}
