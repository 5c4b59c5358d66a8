package org.mastery.assessment.assessment.domain;

/** Scored automatically from an answer key per item, or by a teacher with a rubric per criterion. */
public enum ScoringKind {
    ANSWER_KEY, RUBRIC
}
