package org.mastery.progression.journey.domain;

import java.util.List;

/** A course version: its credit is earned when all its competencies are mastered. */
public record CourseRequirement(String courseId, int version, double credits, List<String> competencyIds) {
}
