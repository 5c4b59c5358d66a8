package org.mastery.assessment.assessment.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.assessment.assessment.domain.AssessmentDefined;
import org.mastery.assessment.assessment.domain.AssessmentRetired;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.RetakePolicy;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/** Assessment definitions on {@code assessment.assessments.v1}, keyed by assessment id (answer keys stay internal). */
@Component
public class AssessmentEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof AssessmentDefined e) {
            AssessmentSpec spec = e.spec();
            var contract = new org.mastery.contracts.assessment.AssessmentDefined(e.assessmentId(), e.version(), e.title(),
                    spec.type().name(), spec.method().name(), spec.competencyIds(), spec.formIds(), spec.scoring().name(),
                    new RetakePolicy(spec.retakePolicy().coolDownHours(), spec.retakePolicy().practiceUnlocks()), e.authorId());
            return Optional.of(new PublishedEvent(AssessmentTopics.ASSESSMENTS, e.assessmentId(),
                    org.mastery.contracts.assessment.AssessmentDefined.TYPE, null, 1, contract));
        }
        if (payload instanceof AssessmentRetired e) {
            var contract = new org.mastery.contracts.assessment.AssessmentRetired(e.assessmentId(), e.retiredAt());
            return Optional.of(new PublishedEvent(AssessmentTopics.ASSESSMENTS, e.assessmentId(),
                    org.mastery.contracts.assessment.AssessmentRetired.TYPE, null, 1, contract));
        }
        return Optional.empty();
    }
}
