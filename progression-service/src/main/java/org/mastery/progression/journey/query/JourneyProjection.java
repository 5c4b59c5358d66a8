package org.mastery.progression.journey.query;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.CompetencyMastered;
import org.mastery.progression.journey.domain.CompetencyUnlocked;
import org.mastery.progression.journey.domain.CourseCreditEarned;
import org.mastery.progression.journey.domain.EvidenceAccepted;
import org.mastery.progression.journey.domain.EvidenceWithdrawn;
import org.mastery.progression.journey.domain.GoalAchieved;
import org.mastery.progression.journey.domain.GoalSet;
import org.mastery.progression.journey.domain.InterventionRecommended;
import org.mastery.progression.journey.domain.InterventionResolved;
import org.mastery.progression.journey.domain.MasteryLevelChanged;
import org.mastery.progression.journey.domain.PeerTutoringOptedIn;
import org.mastery.progression.journey.domain.PeerTutoringOptedOut;
import org.mastery.progression.journey.domain.ReflectionRecorded;
import org.mastery.progression.journey.domain.TeacherOverrideApplied;
import org.mastery.progression.journey.domain.TeacherOverrideExpired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ProgressionView} from the journey's events, and the competency → students index the
 * curriculum listener re-evaluates from. Idempotent: each view remembers the last journey sequence it
 * applied and skips anything at or below it. Within a batch a view is read once and written once.
 */
@Component
@ProcessingGroup("journey-projection")
public class JourneyProjection {

    private static final String BATCH_VIEWS = JourneyProjection.class.getName() + ".views";

    private final MongoTemplate mongo;
    private final CatalogViews catalog;

    public JourneyProjection(MongoTemplate mongo, CatalogViews catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        ProgressionView view = view(message.getAggregateIdentifier());
        if (message.getSequenceNumber() <= view.appliedThrough) {
            return; // redelivered
        }
        view.appliedThrough = message.getSequenceNumber();
        apply(view, payload, message.getTimestamp());
        if (!CurrentUnitOfWork.isStarted()) {
            mongo.save(view);
        }
    }

    void apply(ProgressionView view, Object payload, Instant at) {
        if (payload instanceof EvidenceAccepted e) {
            boolean first = view.find(e.competencyId()) == null;
            ProgressionView.CompetencyProgress c = view.competency(e.competencyId());
            if (c.lastEvidenceAt == null || e.observedAt().isAfter(c.lastEvidenceAt)) {
                c.lastEvidenceAt = e.observedAt();
            }
            c.evidenceCount++;
            if (first) {
                catalog.addStudent(e.competencyId(), e.studentId());
            }
        } else if (payload instanceof EvidenceWithdrawn e) {
            ProgressionView.CompetencyProgress c = view.competency(e.competencyId());
            c.evidenceCount = Math.max(0, c.evidenceCount - 1);
        } else if (payload instanceof MasteryLevelChanged e) {
            ProgressionView.CompetencyProgress c = view.competency(e.competencyId());
            c.state = e.state().name();
            c.value = e.value();
            c.level = e.level();
            c.phaseId = e.phaseId();
            c.evidenceCount = e.evidenceCount();
            c.explanation = e.explanation();
            c.overrideId = e.explanation().overrideId();
            c.lastEvidenceAt = e.explanation().evidence().isEmpty() ? c.lastEvidenceAt
                    : e.explanation().evidence().get(e.explanation().evidence().size() - 1).observedAt();
            c.decidedAt = at;
        } else if (payload instanceof CompetencyMastered e) {
            view.competency(e.competencyId()).state = "MASTERED";
        } else if (payload instanceof TeacherOverrideApplied e) {
            view.competency(e.competencyId()).overrideId = e.overrideId();
        } else if (payload instanceof TeacherOverrideExpired e) {
            ProgressionView.CompetencyProgress c = view.competency(e.competencyId());
            if (e.overrideId().equals(c.overrideId)) {
                c.overrideId = null;
            }
        } else if (payload instanceof InterventionRecommended e) {
            view.competency(e.competencyId()).openInterventionId = e.interventionId();
        } else if (payload instanceof InterventionResolved e) {
            view.competency(e.competencyId()).openInterventionId = null;
        } else if (payload instanceof CompetencyUnlocked e) {
            if (!view.unlocked.contains(e.competencyId())) {
                view.unlocked.add(e.competencyId());
                view.unlocked.sort(null);
            }
        } else if (payload instanceof CourseCreditEarned e) {
            view.credits.add(new ProgressionView.CreditEntry(e.courseId(), e.credits(), at));
        } else if (payload instanceof GoalSet e) {
            view.goals.add(new ProgressionView.GoalEntry(e.goalId(), e.competencyId(), e.targetDate(), false, at));
        } else if (payload instanceof GoalAchieved e) {
            view.goals.replaceAll(g -> g.goalId().equals(e.goalId())
                    ? new ProgressionView.GoalEntry(g.goalId(), g.competencyId(), g.targetDate(), true, g.setAt()) : g);
        } else if (payload instanceof ReflectionRecorded e) {
            view.reflections.add(new ProgressionView.ReflectionEntry(e.reflectionId(), e.competencyId(), at));
        } else if (payload instanceof PeerTutoringOptedIn) {
            view.peerTutor = true;
        } else if (payload instanceof PeerTutoringOptedOut) {
            view.peerTutor = false;
        }
    }

    /** The view of a student within the current batch: read once, saved when the batch commits. */
    private ProgressionView view(String studentId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return load(studentId);
        }
        Map<String, ProgressionView> views = batchViews(CurrentUnitOfWork.get().root());
        return views.computeIfAbsent(studentId, this::load);
    }

    private Map<String, ProgressionView> batchViews(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(BATCH_VIEWS, key -> {
            Map<String, ProgressionView> views = new HashMap<>();
            batch.onPrepareCommit(u -> views.values().forEach(mongo::save));
            return views;
        });
    }

    private ProgressionView load(String studentId) {
        ProgressionView view = mongo.findById(studentId, ProgressionView.class);
        if (view == null) {
            view = new ProgressionView();
            view.studentId = studentId;
        }
        return view;
    }
}
