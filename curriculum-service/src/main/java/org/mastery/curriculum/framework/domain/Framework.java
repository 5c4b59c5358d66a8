package org.mastery.curriculum.framework.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A competency framework with its competencies: versioned, authored as a draft, published
 * immutable. The competencies live inside the framework so that the prerequisite graph (a DAG)
 * and the version numbers are checked against one consistent state.
 *
 * <p>Versioning: a framework version is DRAFT until published. Changing a published framework
 * first opens the next draft version. Every change of a competency is an event with a new
 * {@code competencyVersion} (and a new {@code policyVersion} when its policy changed); publishing
 * gives every competency the version defined or revised a new PUBLISHED competency version.
 */
@Aggregate
public class Framework {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";
    static final String RETIRED = "RETIRED";

    @AggregateIdentifier
    private String frameworkId;
    private int version;
    private String status;
    private String ownerId;
    private String title;
    private String subject;
    private String gradeBand;
    private String caseDocumentId;
    private final Map<String, CompetencyState> competencies = new LinkedHashMap<>();

    protected Framework() {
        // for Axon
    }

    @CommandHandler
    public Framework(DraftFramework command, Clock clock) {
        FrameworkDetails details = FrameworkDetails.of(command.title(), command.subject(), command.gradeBand());
        apply(new FrameworkDrafted(command.frameworkId(), 1, details.title(), details.subject(), details.gradeBand(),
                command.authorId(), clock.instant(), null));
    }

    @CommandHandler
    public Framework(ImportCaseFramework command, Clock clock, PublishedCompetencies published) {
        FrameworkDetails details = FrameworkDetails.of(command.title(), command.subject(), command.gradeBand());
        Map<String, CompetencyContent> incoming = normalizedImport(command.competencies());
        checkGraph(incoming, published, null);
        Instant now = clock.instant();
        apply(new FrameworkDrafted(command.frameworkId(), 1, details.title(), details.subject(), details.gradeBand(),
                command.actor().id(), now, command.caseDocumentId()));
        // in a constructor, applied events reach the event sourcing handlers only after it returns
        incoming.forEach((id, content) -> apply(new CompetencyDefined(command.frameworkId(), 1, id, 1, 1, content, now)));
    }

    @CommandHandler
    public ImportOutcome handle(ReimportCaseFramework command, Clock clock, PublishedCompetencies published) {
        requireChangeableBy(command.actor());
        if (!Objects.equals(caseDocumentId, command.caseDocumentId())) {
            throw new FrameworkConflictException("Framework " + frameworkId + " was not imported from CASE document "
                    + command.caseDocumentId());
        }
        Map<String, CompetencyContent> incoming = normalizedImport(command.competencies());
        Map<String, CompetencyContent> changed = new LinkedHashMap<>();
        Map<String, CompetencyContent> added = new LinkedHashMap<>();
        int unchanged = 0;
        for (Map.Entry<String, CompetencyContent> entry : incoming.entrySet()) {
            CompetencyState existing = competencies.get(entry.getKey());
            if (existing == null) {
                added.put(entry.getKey(), entry.getValue());
            } else {
                CompetencyContent merged = CompetencyRules.normalize(existing.content.mergedWithImport(entry.getValue()));
                if (merged.equals(existing.content) || RETIRED.equals(existing.status)) {
                    unchanged++;
                } else {
                    changed.put(entry.getKey(), merged);
                }
            }
        }
        if (!added.isEmpty() || !changed.isEmpty()) {
            Map<String, CompetencyContent> after = currentContents();
            after.putAll(changed);
            after.putAll(added);
            checkGraph(after, published, null);
            Instant now = clock.instant();
            ensureDraft(command.actor(), now);
            changed.forEach((id, content) -> revise(id, content, now));
            added.forEach((id, content) -> apply(new CompetencyDefined(frameworkId, version, id, 1, 1, content, now)));
        }
        return new ImportOutcome(frameworkId, version, status, added.size(), changed.size(), unchanged);
    }

    @CommandHandler
    public FrameworkStatus handle(OpenNewDraft command, Clock clock) {
        requireChangeableBy(command.actor());
        if (DRAFT.equals(status)) {
            throw new FrameworkConflictException("Version " + version + " of framework " + frameworkId + " is already a draft");
        }
        ensureDraft(command.actor(), clock.instant());
        return new FrameworkStatus(frameworkId, version, status);
    }

    @CommandHandler
    public CompetencyChange handle(DefineCompetency command, Clock clock, PublishedCompetencies published) {
        requireChangeableBy(command.actor());
        if (competencies.containsKey(command.competencyId())) {
            throw new FrameworkConflictException("Competency " + command.competencyId() + " is already defined");
        }
        CompetencyContent content = CompetencyRules.normalize(command.content());
        checkCodeIsFree(content.code(), command.competencyId());
        Map<String, CompetencyContent> after = currentContents();
        after.put(command.competencyId(), content);
        checkParent(command.competencyId(), content, after);
        checkGraph(after, published, command.competencyId());
        Instant now = clock.instant();
        ensureDraft(command.actor(), now);
        apply(new CompetencyDefined(frameworkId, version, command.competencyId(), 1, 1, content, now));
        return new CompetencyChange(frameworkId, version, command.competencyId(), 1, 1, true);
    }

    @CommandHandler
    public CompetencyChange handle(ReviseCompetency command, Clock clock, PublishedCompetencies published) {
        requireChangeableBy(command.actor());
        CompetencyState existing = competencies.get(command.competencyId());
        if (existing == null) {
            throw new UnknownCompetencyException(command.competencyId());
        }
        if (RETIRED.equals(existing.status)) {
            throw new FrameworkConflictException("Competency " + command.competencyId() + " is retired");
        }
        CompetencyContent given = CompetencyRules.normalize(command.content());
        CompetencyContent content = given.withCaseOrigin(existing.content.caseItemId(), existing.content.caseAssociations(),
                given.sequence() != null ? given.sequence() : existing.content.sequence());
        if (content.equals(existing.content)) {
            return new CompetencyChange(frameworkId, version, command.competencyId(), existing.version,
                    existing.policyVersion, false);
        }
        checkCodeIsFree(content.code(), command.competencyId());
        Map<String, CompetencyContent> after = currentContents();
        after.put(command.competencyId(), content);
        checkParent(command.competencyId(), content, after);
        checkGraph(after, published, command.competencyId());
        Instant now = clock.instant();
        ensureDraft(command.actor(), now);
        CompetencyRevised revised = revise(command.competencyId(), content, now);
        return new CompetencyChange(frameworkId, version, command.competencyId(), revised.competencyVersion(),
                revised.policyVersion(), true);
    }

    @CommandHandler
    public FrameworkStatus handle(PublishFramework command, Clock clock) {
        requireChangeableBy(command.actor());
        if (PUBLISHED.equals(status)) {
            throw new FrameworkConflictException("Version " + version + " of framework " + frameworkId
                    + " is already published; change it to open a new draft version");
        }
        List<String> active = activeCompetencyIds();
        if (active.isEmpty()) {
            throw new FrameworkConflictException("Framework " + frameworkId + " has no competencies to publish");
        }
        Instant now = clock.instant();
        for (String id : active) {
            CompetencyState c = competencies.get(id);
            if (DRAFT.equals(c.status)) {
                apply(new CompetencyPublished(frameworkId, version, id, c.version + 1, c.version, c.policyVersion, c.content, now));
            }
        }
        apply(new FrameworkPublished(frameworkId, version, active, now));
        return new FrameworkStatus(frameworkId, version, status);
    }

    @CommandHandler
    public FrameworkStatus handle(RetireFramework command, Clock clock) {
        requireChangeableBy(command.actor());
        Instant now = clock.instant();
        for (String id : activeCompetencyIds()) {
            apply(new CompetencyRetired(frameworkId, id, competencies.get(id).version, now));
        }
        apply(new FrameworkRetired(frameworkId, version, now));
        return new FrameworkStatus(frameworkId, version, status);
    }

    // ---- rules ----

    private void requireChangeableBy(Actor actor) {
        if (!actor.admin() && !Objects.equals(ownerId, actor.id())) {
            throw new NotFrameworkOwnerException(frameworkId);
        }
        if (RETIRED.equals(status)) {
            throw new FrameworkConflictException("Framework " + frameworkId + " is retired and can no longer change");
        }
    }

    /** A published version is immutable: a change first opens the next draft version. */
    private void ensureDraft(Actor actor, Instant now) {
        if (PUBLISHED.equals(status)) {
            apply(new FrameworkDrafted(frameworkId, version + 1, title, subject, gradeBand, actor.id(), now, caseDocumentId));
        }
    }

    private CompetencyRevised revise(String competencyId, CompetencyContent content, Instant now) {
        CompetencyState existing = competencies.get(competencyId);
        int policyVersion = existing.content.policy().equals(content.policy()) ? existing.policyVersion : existing.policyVersion + 1;
        CompetencyRevised revised = new CompetencyRevised(frameworkId, version, competencyId, existing.version + 1,
                existing.version, policyVersion, content, existing.publishedBefore, now);
        apply(revised);
        return revised;
    }

    private void checkCodeIsFree(String code, String competencyId) {
        for (Map.Entry<String, CompetencyState> other : competencies.entrySet()) {
            if (!other.getKey().equals(competencyId) && !RETIRED.equals(other.getValue().status)
                    && other.getValue().content.code().equalsIgnoreCase(code)) {
                throw new FrameworkConflictException("Code " + code + " is already used by competency " + other.getKey()
                        + " in this framework");
            }
        }
    }

    /** The parent must be a competency of this framework, and a competency may not sit below itself. */
    private static void checkParent(String competencyId, CompetencyContent content, Map<String, CompetencyContent> after) {
        String parent = content.parentId();
        if (parent == null) {
            return;
        }
        if (!after.containsKey(parent)) {
            throw new InvalidCompetencyException("parentId " + parent + " is not a competency of this framework");
        }
        List<String> chain = new ArrayList<>(List.of(content.code()));
        for (String at = parent; at != null; at = after.get(at).parentId()) {
            chain.add(after.get(at).code());
            if (at.equals(competencyId) || chain.size() > after.size() + 1) {
                throw new FrameworkConflictException("The hierarchy may not loop: " + String.join(" ⊂ ", chain));
            }
        }
    }

    /**
     * Every prerequisite is a competency of this framework or a published one of another, and the
     * prerequisites form no cycle (refused with the cycle named by codes).
     */
    private static void checkGraph(Map<String, CompetencyContent> contents, PublishedCompetencies published, String changed) {
        Map<String, List<String>> requires = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        contents.forEach((id, content) -> {
            requires.put(id, content.prerequisiteIds());
            codes.put(id, content.code());
        });
        for (Map.Entry<String, CompetencyContent> entry : contents.entrySet()) {
            for (String prerequisite : entry.getValue().prerequisiteIds()) {
                if (!contents.containsKey(prerequisite)) {
                    Optional<String> external = published.publishedCode(prerequisite);
                    if (external.isEmpty()) {
                        throw new InvalidCompetencyException("Prerequisite " + prerequisite + " of " + entry.getValue().code()
                                + " is neither a competency of this framework nor a published competency of another");
                    }
                    codes.put(prerequisite, external.get());
                }
            }
        }
        new PrerequisiteGraph(requires).findCycle().ifPresent(cycle -> {
            List<String> named = PrerequisiteGraph.startingAt(cycle, changed);
            throw new PrerequisiteCycleException(named.stream().map(id -> codes.getOrDefault(id, id)).toList());
        });
    }

    private static Map<String, CompetencyContent> normalizedImport(List<ImportedCompetency> imported) {
        Map<String, CompetencyContent> out = new LinkedHashMap<>();
        for (ImportedCompetency competency : imported) {
            if (out.put(competency.competencyId(), CompetencyRules.normalize(competency.content())) != null) {
                throw new InvalidCompetencyException("Competency " + competency.competencyId() + " appears twice in the import");
            }
        }
        for (Map.Entry<String, CompetencyContent> entry : out.entrySet()) {
            String parent = entry.getValue().parentId();
            if (parent != null && !out.containsKey(parent)) {
                throw new InvalidCompetencyException("parentId " + parent + " of " + entry.getValue().code() + " is not part of the import");
            }
        }
        return out;
    }

    private Map<String, CompetencyContent> currentContents() {
        Map<String, CompetencyContent> out = new LinkedHashMap<>();
        competencies.forEach((id, state) -> {
            if (!RETIRED.equals(state.status)) {
                out.put(id, state.content);
            }
        });
        return out;
    }

    private List<String> activeCompetencyIds() {
        return competencies.entrySet().stream().filter(e -> !RETIRED.equals(e.getValue().status)).map(Map.Entry::getKey).toList();
    }

    // ---- state ----

    @EventSourcingHandler
    void on(FrameworkDrafted event) {
        frameworkId = event.frameworkId();
        version = event.version();
        status = DRAFT;
        title = event.title();
        subject = event.subject();
        gradeBand = event.gradeBand();
        if (event.version() == 1) {
            ownerId = event.authorId();
            caseDocumentId = event.caseDocumentId();
        }
    }

    @EventSourcingHandler
    void on(CompetencyDefined event) {
        competencies.put(event.competencyId(), new CompetencyState(event.content(), event.competencyVersion(),
                event.policyVersion(), DRAFT, false));
    }

    @EventSourcingHandler
    void on(CompetencyRevised event) {
        competencies.put(event.competencyId(), new CompetencyState(event.content(), event.competencyVersion(),
                event.policyVersion(), DRAFT, event.publishedBefore()));
    }

    @EventSourcingHandler
    void on(CompetencyPublished event) {
        competencies.put(event.competencyId(), new CompetencyState(event.content(), event.competencyVersion(),
                event.policyVersion(), PUBLISHED, true));
    }

    @EventSourcingHandler
    void on(FrameworkPublished event) {
        status = PUBLISHED;
    }

    @EventSourcingHandler
    void on(CompetencyRetired event) {
        CompetencyState c = competencies.get(event.competencyId());
        if (c != null) {
            competencies.put(event.competencyId(), new CompetencyState(c.content, c.version, c.policyVersion, RETIRED, c.publishedBefore));
        }
    }

    @EventSourcingHandler
    void on(FrameworkRetired event) {
        status = RETIRED;
    }

    private record CompetencyState(CompetencyContent content, int version, int policyVersion, String status,
                                   boolean publishedBefore) {
    }

    private record FrameworkDetails(String title, String subject, String gradeBand) {

        static FrameworkDetails of(String title, String subject, String gradeBand) {
            return new FrameworkDetails(field(title, "title", 200), field(subject, "subject", 100),
                    field(gradeBand, "gradeBand", 40));
        }

        private static String field(String value, String name, int max) {
            if (value == null || value.isBlank()) {
                throw new InvalidFrameworkException("A framework needs a " + name);
            }
            if (value.strip().length() > max) {
                throw new InvalidFrameworkException("A framework's " + name + " must be at most " + max + " characters");
            }
            return value.strip();
        }
    }
}
