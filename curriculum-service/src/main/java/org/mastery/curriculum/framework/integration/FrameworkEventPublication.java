package org.mastery.curriculum.framework.integration;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CurriculumEventType;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.LearningResource;
import org.mastery.contracts.curriculum.MasteryPolicy;
import org.mastery.contracts.curriculum.ProficiencyLevel;
import org.mastery.contracts.curriculum.ProficiencyScale;
import org.mastery.contracts.curriculum.ProgressionPhase;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.mastery.curriculum.framework.domain.CompetencyDefined;
import org.mastery.curriculum.framework.domain.CompetencyPublished;
import org.mastery.curriculum.framework.domain.CompetencyRetired;
import org.mastery.curriculum.framework.domain.CompetencyRevised;
import org.mastery.curriculum.framework.domain.FrameworkDrafted;
import org.mastery.curriculum.framework.domain.FrameworkPublished;
import org.mastery.curriculum.framework.domain.FrameworkRetired;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * Internal framework events to their contract form on {@code curriculum.frameworks.v1}, keyed by
 * framework id. The rule consumers rely on: for each competency, the event with the highest
 * {@code competencyVersion} carries the definition in force, and its {@code status} says whether it
 * is PUBLISHED. A competency never goes back from PUBLISHED to DRAFT on the stream: draft
 * revisions of an already published competency stay internal until their framework version is
 * published, when they appear as one {@code CompetencyRevised} with status PUBLISHED (so
 * {@code competencyVersion} may skip numbers). Publishing a version emits, before
 * {@code FrameworkPublished}, a {@code CompetencyRevised} (status PUBLISHED) for every competency
 * the version defined or revised.
 */
@Component
public class FrameworkEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof FrameworkDrafted e) {
            return publish(CurriculumEventType.FRAMEWORK_DRAFTED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.FrameworkDrafted(e.frameworkId(), e.version(), e.title(),
                            e.subject(), e.gradeBand(), e.caseDocumentId(), e.authorId()));
        }
        if (payload instanceof CompetencyDefined e) {
            return publish(CurriculumEventType.COMPETENCY_DEFINED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.CompetencyDefined(definition(e.competencyId(), e.frameworkId(),
                            e.frameworkVersion(), e.competencyVersion(), e.policyVersion(), e.content(), "DRAFT")));
        }
        if (payload instanceof CompetencyRevised e) {
            if (e.publishedBefore()) {
                return Optional.empty(); // internal until its framework version is published
            }
            return publish(CurriculumEventType.COMPETENCY_REVISED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.CompetencyRevised(definition(e.competencyId(), e.frameworkId(),
                            e.frameworkVersion(), e.competencyVersion(), e.policyVersion(), e.content(), "DRAFT"),
                            e.previousVersion()));
        }
        if (payload instanceof CompetencyPublished e) {
            return publish(CurriculumEventType.COMPETENCY_REVISED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.CompetencyRevised(definition(e.competencyId(), e.frameworkId(),
                            e.frameworkVersion(), e.competencyVersion(), e.policyVersion(), e.content(), "PUBLISHED"),
                            e.previousVersion()));
        }
        if (payload instanceof FrameworkPublished e) {
            return publish(CurriculumEventType.FRAMEWORK_PUBLISHED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.FrameworkPublished(e.frameworkId(), e.version(), e.competencyIds(),
                            e.publishedAt()));
        }
        if (payload instanceof CompetencyRetired e) {
            return publish(CurriculumEventType.COMPETENCY_RETIRED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.CompetencyRetired(e.competencyId(), e.frameworkId(),
                            e.competencyVersion(), e.retiredAt()));
        }
        if (payload instanceof FrameworkRetired e) {
            return publish(CurriculumEventType.FRAMEWORK_RETIRED, e.frameworkId(),
                    new org.mastery.contracts.curriculum.FrameworkRetired(e.frameworkId(), e.version(), e.retiredAt()));
        }
        return Optional.empty();
    }

    private static Optional<PublishedEvent> publish(CurriculumEventType type, String key, Object data) {
        return Optional.of(new PublishedEvent(type.topic(), key, type.type(), null, type.version(), data));
    }

    /** The whole, self-contained contract definition of one competency version. */
    public static CompetencyDefinition definition(String competencyId, String frameworkId, int frameworkVersion,
                                                  int competencyVersion, int policyVersion, CompetencyContent c,
                                                  String status) {
        ProficiencyScale scale = new ProficiencyScale(c.scale().levels().stream()
                .map(l -> new ProficiencyLevel(l.value(), l.label(), l.descriptor())).toList(), c.scale().masteryCut());
        MasteryPolicy policy = new MasteryPolicy(policyVersion, c.policy().method(), c.policy().parameters(),
                c.policy().minEvidence(), c.policy().requiredMethods(), c.policy().retention());
        List<ProgressionPhase> phases = c.phases().stream().map(p -> new ProgressionPhase(p.phaseId(), p.order(), p.label(),
                p.minScore(), p.maxScore(), p.resources().stream().map(r -> new LearningResource(r.title(), r.uri(), r.kind()))
                .toList())).toList();
        return new CompetencyDefinition(competencyId, frameworkId, frameworkVersion, competencyVersion, c.code(),
                c.statement(), c.studentStatement(), c.masteryDescription(), c.parentId(), c.itemType(), c.educationLevels(),
                c.assessable(), scale, policy, c.prerequisiteIds(), phases, status, c.caseItemId());
    }
}
