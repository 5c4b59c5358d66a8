package org.mastery.progression.journey.integration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.contracts.progression.ProgressionEventType;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.mastery.progression.journey.domain.CompetencyMastered;
import org.mastery.progression.journey.domain.CompetencyUnlocked;
import org.mastery.progression.journey.domain.CourseCreditEarned;
import org.mastery.progression.journey.domain.EvidenceAccepted;
import org.mastery.progression.journey.domain.EvidenceUsed;
import org.mastery.progression.journey.domain.EvidenceWithdrawn;
import org.mastery.progression.journey.domain.Explanation;
import org.mastery.progression.journey.domain.GoalAchieved;
import org.mastery.progression.journey.domain.GoalSet;
import org.mastery.progression.journey.domain.InterventionRecommended;
import org.mastery.progression.journey.domain.InterventionResolved;
import org.mastery.progression.journey.domain.JourneyChain;
import org.mastery.progression.journey.domain.MasteryLapsed;
import org.mastery.progression.journey.domain.MasteryLevelChanged;
import org.mastery.progression.journey.domain.PeerTutoringOptedIn;
import org.mastery.progression.journey.domain.PeerTutoringOptedOut;
import org.mastery.progression.journey.domain.ReassessmentUnlocked;
import org.mastery.progression.journey.domain.ReflectionRecorded;
import org.mastery.progression.journey.domain.TeacherOverrideApplied;
import org.mastery.progression.journey.domain.TeacherOverrideExpired;
import org.springframework.stereotype.Component;

/**
 * Journey events to their contract form on {@code progression.decisions.v1} and
 * {@code progression.journeys.v1}, keyed by student id, with the hash chain as the CloudEvents
 * extensions {@code chainhash} and {@code chainprevhash}. PolicyAdopted stays internal.
 */
@Component
public class JourneyEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> message) {
        Object contract = contract(message.getPayload());
        if (contract == null) {
            return Optional.empty();
        }
        ProgressionEventType type = ProgressionEventType.ofType(typeOf(contract)).orElseThrow();
        String studentId = studentOf(contract);
        Object hash = message.getMetaData().get(JourneyChain.HASH);
        Object previous = message.getMetaData().get(JourneyChain.PREVIOUS_HASH);
        Map<String, String> extensions = hash == null ? Map.of()
                : Map.of("chainhash", hash.toString(), "chainprevhash", String.valueOf(previous));
        return Optional.of(new PublishedEvent(type.topic(), studentId, type.type(), studentId, type.version(), contract,
                extensions));
    }

    /** The CloudEvents type of an internal event, or null when it is not published. */
    public static String logicalType(Object payload) {
        Object contract = contract(payload);
        return contract == null ? null : typeOf(contract);
    }

    static Object contract(Object p) {
        if (p instanceof EvidenceAccepted e) {
            return new org.mastery.contracts.progression.EvidenceAccepted(e.studentId(), e.evidenceId(), e.competencyId(),
                    e.score(), e.method(), e.assessmentType(), e.observedAt());
        } else if (p instanceof EvidenceWithdrawn e) {
            return new org.mastery.contracts.progression.EvidenceWithdrawn(e.studentId(), e.evidenceId(), e.competencyId(),
                    e.reasonCode());
        } else if (p instanceof MasteryLevelChanged e) {
            return new org.mastery.contracts.progression.MasteryLevelChanged(e.studentId(), e.competencyId(),
                    e.state().name(), e.phaseId(), e.value(), e.evidenceCount(), explanation(e.explanation()));
        } else if (p instanceof CompetencyMastered e) {
            return new org.mastery.contracts.progression.CompetencyMastered(e.studentId(), e.competencyId(),
                    e.value() == null ? 0.0 : e.value(), explanation(e.explanation()));
        } else if (p instanceof MasteryLapsed e) {
            return new org.mastery.contracts.progression.MasteryLapsed(e.studentId(), e.competencyId(), e.evidenceId(),
                    explanation(e.explanation()));
        } else if (p instanceof CompetencyUnlocked e) {
            return new org.mastery.contracts.progression.CompetencyUnlocked(e.studentId(), e.competencyId(), e.prerequisiteIds());
        } else if (p instanceof InterventionRecommended e) {
            return new org.mastery.contracts.progression.InterventionRecommended(e.interventionId(), e.studentId(),
                    e.competencyId(), e.reason(), e.evidenceIds());
        } else if (p instanceof InterventionResolved e) {
            return new org.mastery.contracts.progression.InterventionResolved(e.interventionId(), e.studentId(),
                    e.competencyId(), e.evidenceId());
        } else if (p instanceof ReassessmentUnlocked e) {
            return new org.mastery.contracts.progression.ReassessmentUnlocked(e.studentId(), e.assessmentId(),
                    e.competencyId(), e.reason());
        } else if (p instanceof CourseCreditEarned e) {
            return new org.mastery.contracts.progression.CourseCreditEarned(e.studentId(), e.courseId(), e.credits(),
                    e.competencyIds());
        } else if (p instanceof TeacherOverrideApplied e) {
            return new org.mastery.contracts.progression.TeacherOverrideApplied(e.overrideId(), e.studentId(),
                    e.competencyId(), e.teacherId(), e.state().name(), e.reasonCode(), e.expiresAt());
        } else if (p instanceof TeacherOverrideExpired e) {
            return new org.mastery.contracts.progression.TeacherOverrideExpired(e.overrideId(), e.studentId(), e.competencyId());
        } else if (p instanceof GoalAchieved e) {
            return new org.mastery.contracts.progression.GoalAchieved(e.goalId(), e.studentId(), e.competencyId());
        } else if (p instanceof GoalSet e) {
            return new org.mastery.contracts.progression.GoalSet(e.goalId(), e.studentId(), e.competencyId(), e.targetDate());
        } else if (p instanceof ReflectionRecorded e) {
            return new org.mastery.contracts.progression.ReflectionRecorded(e.reflectionId(), e.studentId(), e.competencyId());
        } else if (p instanceof PeerTutoringOptedIn e) {
            return new org.mastery.contracts.progression.PeerTutoringOptedIn(e.studentId());
        } else if (p instanceof PeerTutoringOptedOut e) {
            return new org.mastery.contracts.progression.PeerTutoringOptedOut(e.studentId());
        }
        return null;
    }

    public static org.mastery.contracts.progression.Explanation explanation(Explanation e) {
        List<org.mastery.contracts.progression.EvidenceUsed> used = e.evidence().stream()
                .map(EvidencePublication::used).toList();
        return new org.mastery.contracts.progression.Explanation(e.method(), e.parameters(), e.policyVersion(),
                e.competencyVersion(), e.cut(), e.minEvidence(), e.requiredMethods(), e.missingMethods(), used, e.value(),
                e.state(), e.overrideId());
    }

    private static final class EvidencePublication {
        static org.mastery.contracts.progression.EvidenceUsed used(EvidenceUsed u) {
            return new org.mastery.contracts.progression.EvidenceUsed(u.evidenceId(), u.score(), u.observedAt(), u.method());
        }
    }

    private static String typeOf(Object contract) {
        try {
            return (String) contract.getClass().getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String studentOf(Object contract) {
        try {
            return (String) contract.getClass().getMethod("studentId").invoke(contract);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
