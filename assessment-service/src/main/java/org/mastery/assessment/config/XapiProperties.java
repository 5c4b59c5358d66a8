package org.mastery.assessment.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * xAPI activities mapped in configuration ({@code mastery.xapi.activities}); mappings stored
 * through {@code PUT /api/xapi/activity-mappings} take precedence.
 */
@ConfigurationProperties("mastery.xapi")
public record XapiProperties(List<Activity> activities) {

    public XapiProperties {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    /**
     * @param competencyIds a subset of the assessment's competencies; empty for all of them
     * @param method overrides the assessment's method when the statement names none
     */
    public record Activity(String activityId, String assessmentId, List<String> competencyIds, String method) {
    }
}
