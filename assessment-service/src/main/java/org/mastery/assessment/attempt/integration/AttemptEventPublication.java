package org.mastery.assessment.attempt.integration;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.assessment.attempt.domain.AttemptRescored;
import org.mastery.assessment.attempt.domain.AttemptScored;
import org.mastery.assessment.attempt.domain.AttemptStarted;
import org.mastery.assessment.attempt.domain.AttemptSubmitted;
import org.mastery.assessment.attempt.domain.AttemptVoided;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.CompetencyScore;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * The attempt lifecycle on {@code assessment.attempts.v1}, keyed by student id. Item results,
 * rubric details and retake bookkeeping stay internal.
 */
@Component
public class AttemptEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof AttemptStarted e) {
            return publish(e.studentId(), org.mastery.contracts.assessment.AttemptStarted.TYPE,
                    new org.mastery.contracts.assessment.AttemptStarted(e.attemptId(), e.studentId(), e.assessmentId(),
                            e.formId(), e.attemptNumber(), e.startedAt()));
        }
        if (payload instanceof AttemptSubmitted e) {
            return publish(e.studentId(), org.mastery.contracts.assessment.AttemptSubmitted.TYPE,
                    new org.mastery.contracts.assessment.AttemptSubmitted(e.attemptId(), e.studentId(), e.assessmentId(),
                            e.submittedAt()));
        }
        if (payload instanceof AttemptScored e) {
            return publish(e.studentId(), org.mastery.contracts.assessment.AttemptScored.TYPE,
                    new org.mastery.contracts.assessment.AttemptScored(e.attemptId(), e.studentId(), e.assessmentId(),
                            e.assessmentType().name(), e.method().name(), scores(e.scores()), e.scorerId(), e.observedAt(),
                            e.scoredAt(), e.passed()));
        }
        if (payload instanceof AttemptRescored e) {
            return publish(e.studentId(), org.mastery.contracts.assessment.AttemptRescored.TYPE,
                    new org.mastery.contracts.assessment.AttemptRescored(e.attemptId(), e.studentId(), e.assessmentId(),
                            scores(e.scores()), e.scorerId(), e.rescoredAt(), e.passed()));
        }
        if (payload instanceof AttemptVoided e) {
            return publish(e.studentId(), org.mastery.contracts.assessment.AttemptVoided.TYPE,
                    new org.mastery.contracts.assessment.AttemptVoided(e.attemptId(), e.studentId(), e.assessmentId(),
                            e.reasonCode(), e.voidedBy(), e.voidedAt()));
        }
        return Optional.empty();
    }

    private static List<CompetencyScore> scores(List<CompetencyResult> results) {
        return results.stream().map(r -> new CompetencyScore(r.competencyId(), r.score(), r.evidenceId())).toList();
    }

    private static Optional<PublishedEvent> publish(String studentId, String type, Object contract) {
        return Optional.of(new PublishedEvent(AssessmentTopics.ATTEMPTS, studentId, type, studentId, 1, contract));
    }
}
