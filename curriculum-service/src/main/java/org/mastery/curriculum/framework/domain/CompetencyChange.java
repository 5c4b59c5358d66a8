package org.mastery.curriculum.framework.domain;

/** What a competency command did: the versions now in force (unchanged when the content was the same). */
public record CompetencyChange(String frameworkId, int frameworkVersion, String competencyId, int competencyVersion,
                               int policyVersion, boolean changed) {
}
