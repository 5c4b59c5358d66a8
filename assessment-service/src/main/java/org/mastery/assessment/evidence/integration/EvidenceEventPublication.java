package org.mastery.assessment.evidence.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;
import org.mastery.assessment.evidence.domain.EvidenceVoided;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/** Evidence on {@code assessment.evidence.v1}, keyed by student id so each student's evidence stays in order. */
@Component
public class EvidenceEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof EvidenceRecorded e) {
            var contract = new org.mastery.contracts.assessment.EvidenceRecorded(e.evidenceId(), e.studentId(), e.competencyId(),
                    e.score(), e.method().name(), e.assessmentType().name(), e.assessmentId(), e.attemptId(), e.statementId(),
                    e.scorerId(), e.observedAt(), e.recordedAt(), e.supersedes());
            return Optional.of(new PublishedEvent(AssessmentTopics.EVIDENCE, e.studentId(),
                    org.mastery.contracts.assessment.EvidenceRecorded.TYPE, e.studentId(), 1, contract));
        }
        if (payload instanceof EvidenceVoided e) {
            var contract = new org.mastery.contracts.assessment.EvidenceVoided(e.evidenceId(), e.studentId(), e.competencyId(),
                    e.reason().name(), e.supersededBy(), e.voidedAt());
            return Optional.of(new PublishedEvent(AssessmentTopics.EVIDENCE, e.studentId(),
                    org.mastery.contracts.assessment.EvidenceVoided.TYPE, e.studentId(), 1, contract));
        }
        return Optional.empty();
    }
}
