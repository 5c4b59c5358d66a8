package org.mastery.curriculum.framework.domain;

/** What an import of a CASE package did to its framework. */
public record ImportOutcome(String frameworkId, int frameworkVersion, String status, int defined, int revised,
                           int unchanged) {
}
