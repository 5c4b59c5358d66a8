package org.mastery.progression.journey.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Count a piece of evidence in the student's journey (ignored when its evidence id was already counted or withdrawn). */
public record RecordEvidence(@TargetAggregateIdentifier String studentId, String evidenceId, CompetencyContext context, double score,
                             String method, String assessmentType, String assessmentId, Instant observedAt,
                             String supersedes) {
}
