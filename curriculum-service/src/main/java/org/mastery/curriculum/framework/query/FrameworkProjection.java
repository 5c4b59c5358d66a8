package org.mastery.curriculum.framework.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.mastery.curriculum.framework.domain.CompetencyDefined;
import org.mastery.curriculum.framework.domain.CompetencyPublished;
import org.mastery.curriculum.framework.domain.CompetencyRetired;
import org.mastery.curriculum.framework.domain.CompetencyRevised;
import org.mastery.curriculum.framework.domain.FrameworkDrafted;
import org.mastery.curriculum.framework.domain.FrameworkPublished;
import org.mastery.curriculum.framework.domain.FrameworkRetired;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link FrameworkView}, {@link CompetencyView} and {@link CompetencyVersionView} from the
 * framework events.
 *
 * <p>The streaming processor hands events over in batches (100 by default) inside one unit of work;
 * changes are collected in memory and written when the batch commits: each framework document once
 * per batch, competency documents in one bulk write. A framework of 2,000 competencies is one
 * document, so writing it per event would copy it 2,000 times. Every write sets absolute values by
 * {@code _id}, so applying a batch again (after a crash, or in a replay) leaves the same documents.
 */
@Component
@ProcessingGroup("framework-projection")
public class FrameworkProjection {

    private static final String BATCH = FrameworkProjection.class.getName() + ".batch";

    private final MongoTemplate mongo;

    public FrameworkProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FrameworkDrafted e) {
        Batch batch = batch();
        Working f = batch.framework(e.frameworkId());
        f.version = e.version();
        f.status = "DRAFT";
        f.title = e.title();
        f.subject = e.subject();
        f.gradeBand = e.gradeBand();
        f.authorId = e.authorId();
        f.draftedAt = e.draftedAt();
        if (e.version() == 1) {
            f.ownerId = e.authorId();
            f.caseDocumentId = e.caseDocumentId();
        }
        batch.flushIfOutside();
    }

    @EventHandler
    void on(CompetencyDefined e) {
        competency(e.frameworkId(), e.frameworkVersion(), e.competencyId(), e.competencyVersion(), e.policyVersion(),
                "DRAFT", null, e.content(), e.definedAt(), false);
    }

    @EventHandler
    void on(CompetencyRevised e) {
        competency(e.frameworkId(), e.frameworkVersion(), e.competencyId(), e.competencyVersion(), e.policyVersion(),
                "DRAFT", null, e.content(), e.revisedAt(), true);
    }

    @EventHandler
    void on(CompetencyPublished e) {
        competency(e.frameworkId(), e.frameworkVersion(), e.competencyId(), e.competencyVersion(), e.policyVersion(),
                "PUBLISHED", e.competencyVersion(), e.content(), e.publishedAt(), false);
    }

    @EventHandler
    void on(FrameworkPublished e) {
        Batch batch = batch();
        Working f = batch.framework(e.frameworkId());
        f.status = "PUBLISHED";
        f.publishedVersion = e.version();
        f.publishedAt = e.publishedAt();
        batch.flushIfOutside();
    }

    @EventHandler
    void on(CompetencyRetired e) {
        Batch batch = batch();
        Working f = batch.framework(e.frameworkId());
        CompetencySummary s = f.competencies.get(e.competencyId());
        if (s != null) {
            f.competencies.put(e.competencyId(), new CompetencySummary(s.competencyId(), s.code(), s.statement(),
                    s.studentStatement(), s.itemType(), s.parentId(), s.sequence(), s.assessable(), s.prerequisiteIds(),
                    s.competencyVersion(), "RETIRED", s.caseItemId()));
        }
        CompetencyView c = batch.competency(e.competencyId());
        if (c != null) {
            batch.competencies.put(c.competencyId(), new CompetencyView(c.competencyId(), c.frameworkId(), c.frameworkVersion(),
                    c.competencyVersion(), c.policyVersion(), "RETIRED", c.publishedVersion(), c.content(), e.retiredAt()));
        }
        batch.flushIfOutside();
    }

    @EventHandler
    void on(FrameworkRetired e) {
        Batch batch = batch();
        Working f = batch.framework(e.frameworkId());
        f.status = "RETIRED";
        f.retiredAt = e.retiredAt();
        batch.flushIfOutside();
    }

    private void competency(String frameworkId, int frameworkVersion, String competencyId, int competencyVersion,
                            int policyVersion, String status, Integer publishedVersion, CompetencyContent c, Instant at,
                            boolean keepPublishedVersion) {
        Batch batch = batch();
        if (keepPublishedVersion) {
            CompetencyView before = batch.competency(competencyId);
            publishedVersion = before == null ? null : before.publishedVersion();
        }
        batch.competencies.put(competencyId, new CompetencyView(competencyId, frameworkId, frameworkVersion, competencyVersion,
                policyVersion, status, publishedVersion, c, at));
        batch.versions.add(new CompetencyVersionView(CompetencyVersionView.idOf(competencyId, competencyVersion), competencyId,
                frameworkId, frameworkVersion, competencyVersion, policyVersion, status, c, at));
        batch.framework(frameworkId).competencies.put(competencyId, new CompetencySummary(competencyId, c.code(), c.statement(),
                c.studentStatement(), c.itemType(), c.parentId(), c.sequence(), c.assessable(), c.prerequisiteIds(),
                competencyVersion, status, c.caseItemId()));
        batch.flushIfOutside();
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(false);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(true);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    /** The changes of one batch of events, written when the batch commits. */
    private final class Batch {

        private final boolean insideUnitOfWork;
        private final Map<String, Working> frameworks = new LinkedHashMap<>();
        private final Map<String, CompetencyView> competencies = new LinkedHashMap<>();
        private final List<CompetencyVersionView> versions = new ArrayList<>();

        Batch(boolean insideUnitOfWork) {
            this.insideUnitOfWork = insideUnitOfWork;
        }

        Working framework(String id) {
            return frameworks.computeIfAbsent(id, k -> new Working(mongo.findById(k, FrameworkView.class), k));
        }

        CompetencyView competency(String id) {
            CompetencyView pending = competencies.get(id);
            return pending != null ? pending : mongo.findById(id, CompetencyView.class);
        }

        void flushIfOutside() {
            if (!insideUnitOfWork) {
                flush();
            }
        }

        void flush() {
            if (!competencies.isEmpty()) {
                BulkOperations ops = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, CompetencyView.class);
                competencies.values().forEach(c -> ops.replaceOne(byId(c.competencyId()), c, FindAndReplaceOptions.options().upsert()));
                ops.execute();
            }
            if (!versions.isEmpty()) {
                BulkOperations ops = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, CompetencyVersionView.class);
                versions.forEach(v -> ops.replaceOne(byId(v.id()), v, FindAndReplaceOptions.options().upsert()));
                ops.execute();
            }
            frameworks.values().forEach(f -> mongo.save(f.view()));
            frameworks.clear();
            competencies.clear();
            versions.clear();
        }
    }

    /** A framework document being changed by a batch. */
    private static final class Working {
        final String frameworkId;
        int version;
        String status;
        String title;
        String subject;
        String gradeBand;
        String ownerId;
        String authorId;
        String caseDocumentId;
        Instant draftedAt;
        Integer publishedVersion;
        Instant publishedAt;
        Instant retiredAt;
        final Map<String, CompetencySummary> competencies;

        Working(FrameworkView v, String id) {
            frameworkId = id;
            competencies = v == null || v.competencies() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(v.competencies());
            if (v != null) {
                version = v.version();
                status = v.status();
                title = v.title();
                subject = v.subject();
                gradeBand = v.gradeBand();
                ownerId = v.ownerId();
                authorId = v.authorId();
                caseDocumentId = v.caseDocumentId();
                draftedAt = v.draftedAt();
                publishedVersion = v.publishedVersion();
                publishedAt = v.publishedAt();
                retiredAt = v.retiredAt();
            }
        }

        FrameworkView view() {
            return new FrameworkView(frameworkId, version, status, title, subject, gradeBand, ownerId, authorId, caseDocumentId,
                    draftedAt, publishedVersion, publishedAt, retiredAt, new HashMap<>(competencies));
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
