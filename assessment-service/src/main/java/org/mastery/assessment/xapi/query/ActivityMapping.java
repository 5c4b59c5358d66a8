package org.mastery.assessment.xapi.query;

import java.time.Instant;
import java.util.List;
import org.mastery.assessment.assessment.domain.AssessmentMethod;

/**
 * Where the results of an xAPI activity count: an assessment (its type, scales and threshold) and
 * some or all of its competencies.
 *
 * @param competencyIds empty for all of the assessment's competencies
 * @param method used when the statement itself names no method; null for the assessment's
 * @param source CONFIGURATION or API
 */
public record ActivityMapping(String activityId, String assessmentId, List<String> competencyIds, AssessmentMethod method,
                              String source, String updatedBy, Instant updatedAt) {

    public ActivityMapping {
        competencyIds = competencyIds == null ? List.of() : List.copyOf(competencyIds);
    }
}
