package org.mastery.curriculum.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given/when/then for every command rule of the framework aggregate. */
class FrameworkTest {

    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant DRAFTED = Instant.parse("2026-11-01T08:00:00Z");
    static final String FW = "fw-1";
    static final Actor OWNER = Actor.teacher("tch-owner");
    static final Actor OTHER = Actor.teacher("tch-other");
    static final Actor ADMIN = Actor.admin("adm-1");

    FixtureConfiguration<Framework> fixture;
    final Map<String, String> publishedElsewhere = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Framework.class);
        fixture.registerInjectableResource(Clock.fixed(T0, ZoneOffset.UTC));
        fixture.registerInjectableResource((PublishedCompetencies) id -> Optional.ofNullable(publishedElsewhere.get(id)));
    }

    static CompetencyContent content(String code, String... prerequisites) {
        return new CompetencyContent(code, "Statement of " + code, null, null, null, null, List.of(), true, null, null, null,
                List.of(prerequisites), List.of(), null, List.of());
    }

    static CompetencyContent normalized(String code, String... prerequisites) {
        return CompetencyRules.normalize(content(code, prerequisites));
    }

    static FrameworkDrafted drafted() {
        return new FrameworkDrafted(FW, 1, "Ratios", "Mathematics", "6-7", OWNER.id(), DRAFTED, null);
    }

    static CompetencyDefined defined(String id, String code, String... prerequisites) {
        return new CompetencyDefined(FW, 1, id, 1, 1, normalized(code, prerequisites), DRAFTED);
    }

    @Nested
    class Drafting {

        @Test
        void aDraftIsVersionOneByItsAuthor() {
            fixture.givenNoPriorActivity()
                    .when(new DraftFramework(FW, " Ratios ", "Mathematics", "6-7", OWNER.id()))
                    .expectEvents(new FrameworkDrafted(FW, 1, "Ratios", "Mathematics", "6-7", OWNER.id(), T0, null));
        }

        @Test
        void aFrameworkNeedsTitleSubjectAndGradeBand() {
            fixture.givenNoPriorActivity()
                    .when(new DraftFramework(FW, "Ratios", " ", "6-7", OWNER.id()))
                    .expectException(InvalidFrameworkException.class)
                    .expectExceptionMessage("A framework needs a subject");
        }

        @Test
        void aNewDraftOfAPublishedFrameworkIsTheNextVersion() {
            fixture.given(drafted(), defined("c1", "A"), new FrameworkPublished(FW, 1, List.of("c1"), DRAFTED))
                    .when(new OpenNewDraft(FW, OWNER))
                    .expectEvents(new FrameworkDrafted(FW, 2, "Ratios", "Mathematics", "6-7", OWNER.id(), T0, null))
                    .expectResultMessagePayload(new FrameworkStatus(FW, 2, "DRAFT"));
        }

        @Test
        void aDraftCannotBeOpenedTwice() {
            fixture.given(drafted())
                    .when(new OpenNewDraft(FW, OWNER))
                    .expectException(FrameworkConflictException.class)
                    .expectExceptionMessage("Version 1 of framework fw-1 is already a draft");
        }
    }

    @Nested
    class DefiningCompetencies {

        @Test
        void aCompetencyGetsTheDefaultScaleAndPolicy() {
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", content("6.RP.A.1"), OWNER))
                    .expectEvents(new CompetencyDefined(FW, 1, "c1", 1, 1, normalized("6.RP.A.1"), T0))
                    .expectResultMessagePayload(new CompetencyChange(FW, 1, "c1", 1, 1, true));
            CompetencyContent c = normalized("6.RP.A.1");
            assertThat(c.scale()).isEqualTo(Scale.standard());
            assertThat(c.scale().masteryCut()).isEqualTo(3.0);
            assertThat(c.scale().levels()).extracting(Level::label).containsExactly("Beginning", "Developing", "Proficient", "Advanced");
            assertThat(c.policy()).isEqualTo(new Policy("DECAYING_AVERAGE", Map.of("w", 0.65), 2, List.of(), false));
        }

        @Test
        void onlyTheOwnerOrAnAdministratorMayChangeAFramework() {
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", content("A"), OTHER))
                    .expectException(NotFrameworkOwnerException.class);
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", content("A"), ADMIN))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anInvalidPolicyIsRefused() {
            CompetencyContent bad = new CompetencyContent("A", "s", null, null, null, null, List.of(), true, null, null,
                    new Policy("DECAYING_AVERAGE", Map.of("w", 1.2), 2, List.of(), false), List.of(), List.of(), null, List.of());
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", bad, OWNER))
                    .expectException(InvalidCompetencyException.class)
                    .expectNoEvents();
        }

        @Test
        void aScaleMustAscendAndHoldItsCut() {
            CompetencyContent bad = new CompetencyContent("A", "s", null, null, null, null, List.of(), true, null,
                    new Scale(List.of(new Level(1, "Low", null), new Level(2, "High", null)), 3), null, List.of(), List.of(),
                    null, List.of());
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", bad, OWNER))
                    .expectException(InvalidCompetencyException.class)
                    .expectExceptionMessage("scale.masteryCut must lie between the lowest and highest level (1.0 to 2.0, got 3.0)");
        }

        @Test
        void phasesAreOrderedAndTheirResourcesChecked() {
            Phase late = new Phase(null, 2, "Developing", 2, 3, List.of(new Resource("Tape diagrams", "https://example.org/t", "video")));
            Phase early = new Phase("ph-start", 1, "Beginning", 1, 2, List.of());
            CompetencyContent withPhases = new CompetencyContent("A", "s", "I can compare", "Explains ratios", null, "Standard",
                    List.of("06"), true, null, null, null, List.of(), List.of(late, early), null, List.of());
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", withPhases, OWNER))
                    .expectEvents(new CompetencyDefined(FW, 1, "c1", 1, 1, CompetencyRules.normalize(withPhases), T0));
            assertThat(CompetencyRules.normalize(withPhases).phases()).extracting(Phase::phaseId).containsExactly("ph-start", "ph-2");
            assertThat(CompetencyRules.normalize(withPhases).phases().get(1).resources().get(0).kind()).isEqualTo("VIDEO");

            Phase badResource = new Phase(null, 1, "Beginning", 1, 2, List.of(new Resource("x", "not a uri", "VIDEO")));
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", new CompetencyContent("A", "s", null, null, null, null, List.of(), true,
                            null, null, null, List.of(), List.of(badResource), null, List.of()), OWNER))
                    .expectException(InvalidCompetencyException.class)
                    .expectExceptionMessage("phases[0].resources[0].uri is not a valid URI (got 'not a uri')");
            Phase relative = new Phase(null, 1, "Beginning", 1, 2, List.of(new Resource("x", "/videos/1", "VIDEO")));
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", new CompetencyContent("A", "s", null, null, null, null, List.of(), true,
                            null, null, null, List.of(), List.of(relative), null, List.of()), OWNER))
                    .expectException(InvalidCompetencyException.class)
                    .expectExceptionMessage("phases[0].resources[0].uri must be an absolute URI (got '/videos/1')");
        }

        @Test
        void codesAreUniqueWithinAFramework() {
            fixture.given(drafted(), defined("c1", "A"))
                    .when(new DefineCompetency(FW, "c2", content("a"), OWNER))
                    .expectException(FrameworkConflictException.class)
                    .expectExceptionMessage("Code a is already used by competency c1 in this framework");
        }

        @Test
        void aPrerequisiteMustBeInTheFrameworkOrPublishedElsewhere() {
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", content("A", "cmp-elsewhere"), OWNER))
                    .expectException(InvalidCompetencyException.class)
                    .expectExceptionMessage("Prerequisite cmp-elsewhere of A is neither a competency of this framework nor a published competency of another");
            publishedElsewhere.put("cmp-elsewhere", "5.NF.B.3");
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c1", content("A", "cmp-elsewhere"), OWNER))
                    .expectEvents(new CompetencyDefined(FW, 1, "c1", 1, 1, normalized("A", "cmp-elsewhere"), T0));
        }

        @Test
        void theParentMustBeACompetencyOfTheFramework() {
            CompetencyContent child = new CompetencyContent("A.1", "s", null, null, "c-missing", null, List.of(), true, null,
                    null, null, List.of(), List.of(), null, List.of());
            fixture.given(drafted())
                    .when(new DefineCompetency(FW, "c2", child, OWNER))
                    .expectException(InvalidCompetencyException.class)
                    .expectExceptionMessage("parentId c-missing is not a competency of this framework");
        }

        @Test
        void addingToAPublishedFrameworkOpensTheNextDraft() {
            fixture.given(drafted(), defined("c1", "A"), new FrameworkPublished(FW, 1, List.of("c1"), DRAFTED))
                    .when(new DefineCompetency(FW, "c2", content("B", "c1"), OWNER))
                    .expectEvents(new FrameworkDrafted(FW, 2, "Ratios", "Mathematics", "6-7", OWNER.id(), T0, null),
                            new CompetencyDefined(FW, 2, "c2", 1, 1, normalized("B", "c1"), T0));
        }
    }

    @Nested
    class RevisingCompetencies {

        @Test
        void aCycleIsRefusedAndNamed() {
            // B requires A, C requires B; now A would require C
            fixture.given(drafted(), defined("a", "A"), defined("b", "B", "a"), defined("c", "C", "b"))
                    .when(new ReviseCompetency(FW, "a", content("A", "c"), OWNER))
                    .expectException(PrerequisiteCycleException.class)
                    .expectExceptionMessage("Prerequisites may not form a cycle: A → B → C → A (each arrow reads 'is a prerequisite of')")
                    .expectNoEvents();
        }

        @Test
        void aCompetencyCannotBeItsOwnPrerequisite() {
            fixture.given(drafted(), defined("a", "A"))
                    .when(new ReviseCompetency(FW, "a", content("A", "a"), OWNER))
                    .expectException(PrerequisiteCycleException.class)
                    .expectExceptionMessage("Prerequisites may not form a cycle: A → A (each arrow reads 'is a prerequisite of')");
        }

        @Test
        void theHierarchyMayNotLoop() {
            CompetencyContent childOfA = new CompetencyContent("B", "s", null, null, "a", null, List.of(), true, null, null,
                    null, List.of(), List.of(), null, List.of());
            CompetencyContent aUnderB = new CompetencyContent("A", "s", null, null, "b", null, List.of(), true, null, null,
                    null, List.of(), List.of(), null, List.of());
            fixture.given(drafted(), defined("a", "A"), new CompetencyDefined(FW, 1, "b", 1, 1, CompetencyRules.normalize(childOfA), DRAFTED))
                    .when(new ReviseCompetency(FW, "a", aUnderB, OWNER))
                    .expectException(FrameworkConflictException.class)
                    .expectExceptionMessage("The hierarchy may not loop: A ⊂ B ⊂ A");
        }

        @Test
        void aRevisionIsANewCompetencyVersionAndANewPolicyVersionOnlyWhenThePolicyChanged() {
            CompetencyContent reworded = new CompetencyContent("A", "Reworded", "I can do A", null, null, null, List.of(), true,
                    null, null, null, List.of(), List.of(), null, List.of());
            fixture.given(drafted(), defined("a", "A"))
                    .when(new ReviseCompetency(FW, "a", reworded, OWNER))
                    .expectEvents(new CompetencyRevised(FW, 1, "a", 2, 1, 1, CompetencyRules.normalize(reworded), false, T0))
                    .expectResultMessagePayload(new CompetencyChange(FW, 1, "a", 2, 1, true));

            CompetencyContent newPolicy = new CompetencyContent("A", "Statement of A", null, null, null, null, List.of(), true,
                    null, null, new Policy("M_OF_N", Map.of("m", 3.0, "n", 4.0), 3, List.of("PERFORMANCE_TASK"), true), List.of(),
                    List.of(), null, List.of());
            fixture.given(drafted(), defined("a", "A"))
                    .when(new ReviseCompetency(FW, "a", newPolicy, OWNER))
                    .expectEvents(new CompetencyRevised(FW, 1, "a", 2, 1, 2, CompetencyRules.normalize(newPolicy), false, T0));
        }

        @Test
        void anIdenticalRevisionChangesNothing() {
            fixture.given(drafted(), defined("a", "A"))
                    .when(new ReviseCompetency(FW, "a", content("A"), OWNER))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CompetencyChange(FW, 1, "a", 1, 1, false));
        }

        @Test
        void revisingAPublishedCompetencyOpensANewDraftVersionAndStaysInternalUntilPublished() {
            fixture.given(drafted(), defined("a", "A"),
                            new CompetencyPublished(FW, 1, "a", 2, 1, 1, normalized("A"), DRAFTED),
                            new FrameworkPublished(FW, 1, List.of("a"), DRAFTED))
                    .when(new ReviseCompetency(FW, "a", content("A2"), OWNER))
                    .expectEvents(new FrameworkDrafted(FW, 2, "Ratios", "Mathematics", "6-7", OWNER.id(), T0, null),
                            new CompetencyRevised(FW, 2, "a", 3, 2, 1, normalized("A2"), true, T0));
        }

        @Test
        void anUnknownCompetencyIsNotFound() {
            fixture.given(drafted())
                    .when(new ReviseCompetency(FW, "zzz", content("Z"), OWNER))
                    .expectException(UnknownCompetencyException.class);
        }

        @Test
        void caseProvenanceSurvivesARevision() {
            CompetencyContent imported = new CompetencyContent("A", "s", null, null, null, "Standard", List.of("04"), true, 3,
                    null, null, List.of(), List.of(), "case-item-1",
                    List.of(new CaseAssociation("as-1", "exactMatchOf", "OUTGOING", "ext-1", "https://x.org/1", "X", true)));
            CompetencyContent edited = new CompetencyContent("A", "s", "I can A", null, null, "Standard", List.of("04"), true,
                    null, null, null, List.of(), List.of(), null, List.of());
            CompetencyContent expected = CompetencyRules.normalize(edited).withCaseOrigin("case-item-1", imported.caseAssociations(), 3);
            fixture.given(drafted(), new CompetencyDefined(FW, 1, "a", 1, 1, CompetencyRules.normalize(imported), DRAFTED))
                    .when(new ReviseCompetency(FW, "a", edited, OWNER))
                    .expectEvents(new CompetencyRevised(FW, 1, "a", 2, 1, 1, expected, false, T0));
        }
    }

    @Nested
    class Publishing {

        @Test
        void publishingGivesEveryDraftCompetencyAPublishedVersionThenPublishesTheFramework() {
            fixture.given(drafted(), defined("a", "A"), defined("b", "B", "a"))
                    .when(new PublishFramework(FW, OWNER))
                    .expectEvents(new CompetencyPublished(FW, 1, "a", 2, 1, 1, normalized("A"), T0),
                            new CompetencyPublished(FW, 1, "b", 2, 1, 1, normalized("B", "a"), T0),
                            new FrameworkPublished(FW, 1, List.of("a", "b"), T0))
                    .expectResultMessagePayload(new FrameworkStatus(FW, 1, "PUBLISHED"));
        }

        @Test
        void publishingAgainOnlyRepublishesWhatTheNewVersionChanged() {
            fixture.given(drafted(), defined("a", "A"), defined("b", "B"),
                            new CompetencyPublished(FW, 1, "a", 2, 1, 1, normalized("A"), DRAFTED),
                            new CompetencyPublished(FW, 1, "b", 2, 1, 1, normalized("B"), DRAFTED),
                            new FrameworkPublished(FW, 1, List.of("a", "b"), DRAFTED),
                            new FrameworkDrafted(FW, 2, "Ratios", "Mathematics", "6-7", OWNER.id(), DRAFTED, null),
                            new CompetencyRevised(FW, 2, "b", 3, 2, 1, normalized("B2"), true, DRAFTED))
                    .when(new PublishFramework(FW, ADMIN))
                    .expectEvents(new CompetencyPublished(FW, 2, "b", 4, 3, 1, normalized("B2"), T0),
                            new FrameworkPublished(FW, 2, List.of("a", "b"), T0));
        }

        @Test
        void aPublishedVersionCannotBePublishedAgain() {
            fixture.given(drafted(), defined("a", "A"), new FrameworkPublished(FW, 1, List.of("a"), DRAFTED))
                    .when(new PublishFramework(FW, OWNER))
                    .expectException(FrameworkConflictException.class)
                    .expectExceptionMessage("Version 1 of framework fw-1 is already published; change it to open a new draft version");
        }

        @Test
        void anEmptyFrameworkCannotBePublished() {
            fixture.given(drafted())
                    .when(new PublishFramework(FW, OWNER))
                    .expectException(FrameworkConflictException.class)
                    .expectExceptionMessage("Framework fw-1 has no competencies to publish");
        }

        @Test
        void anotherTeacherCannotPublish() {
            fixture.given(drafted(), defined("a", "A"))
                    .when(new PublishFramework(FW, OTHER))
                    .expectException(NotFrameworkOwnerException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Retiring {

        @Test
        void retiringRetiresEveryCompetencyThenTheFramework() {
            fixture.given(drafted(), defined("a", "A"), new FrameworkPublished(FW, 1, List.of("a"), DRAFTED))
                    .when(new RetireFramework(FW, ADMIN))
                    .expectEvents(new CompetencyRetired(FW, "a", 1, T0), new FrameworkRetired(FW, 1, T0));
        }

        @Test
        void aRetiredFrameworkCannotChange() {
            fixture.given(drafted(), defined("a", "A"), new CompetencyRetired(FW, "a", 1, DRAFTED), new FrameworkRetired(FW, 1, DRAFTED))
                    .when(new DefineCompetency(FW, "b", content("B"), OWNER))
                    .expectException(FrameworkConflictException.class)
                    .expectExceptionMessage("Framework fw-1 is retired and can no longer change");
        }
    }

    @Nested
    class ImportingCase {

        static final String DOC = "doc-1";

        static ImportedCompetency item(String id, String code, String parent, String... prerequisites) {
            return new ImportedCompetency(id, new CompetencyContent(code, "Statement " + code, null, null, parent, "Standard",
                    List.of("04"), parent != null, null, null, null, List.of(prerequisites), List.of(), "case-" + id, List.of()));
        }

        static ImportCaseFramework importOf(List<ImportedCompetency> items) {
            return new ImportCaseFramework(FW, DOC, "Grade 4 Math", "Mathematics", "04", OWNER, items);
        }

        @Test
        void aPackageBecomesAFrameworkWithItsHierarchyAndPrerequisites() {
            List<ImportedCompetency> items = List.of(item("d", "4.NF", null), item("a", "4.NF.1", "d"), item("b", "4.NF.2", "d", "a"));
            fixture.givenNoPriorActivity()
                    .when(importOf(items))
                    .expectEvents(new FrameworkDrafted(FW, 1, "Grade 4 Math", "Mathematics", "04", OWNER.id(), T0, DOC),
                            new CompetencyDefined(FW, 1, "d", 1, 1, CompetencyRules.normalize(items.get(0).content()), T0),
                            new CompetencyDefined(FW, 1, "a", 1, 1, CompetencyRules.normalize(items.get(1).content()), T0),
                            new CompetencyDefined(FW, 1, "b", 1, 1, CompetencyRules.normalize(items.get(2).content()), T0));
        }

        @Test
        void aCyclicPackageIsRefusedAsAWhole() {
            fixture.givenNoPriorActivity()
                    .when(importOf(List.of(item("a", "X.1", null, "c"), item("b", "X.2", null, "a"), item("c", "X.3", null, "b"))))
                    .expectException(PrerequisiteCycleException.class)
                    .expectNoEvents();
        }

        @Test
        void importingTheSamePackageAgainChangesNothing() {
            List<ImportedCompetency> items = List.of(item("d", "4.NF", null), item("a", "4.NF.1", "d"));
            fixture.given(new FrameworkDrafted(FW, 1, "Grade 4 Math", "Mathematics", "04", OWNER.id(), DRAFTED, DOC),
                            new CompetencyDefined(FW, 1, "d", 1, 1, CompetencyRules.normalize(items.get(0).content()), DRAFTED),
                            new CompetencyDefined(FW, 1, "a", 1, 1, CompetencyRules.normalize(items.get(1).content()), DRAFTED))
                    .when(new ReimportCaseFramework(FW, DOC, OWNER, items))
                    .expectNoEvents()
                    .expectResultMessagePayload(new ImportOutcome(FW, 1, "DRAFT", 0, 0, 2));
        }

        @Test
        void aChangedPackageRevisesKeepingWhatTeachersAddedAndOpensADraftOfAPublishedFramework() {
            ImportedCompetency original = item("a", "4.NF.1", null);
            CompetencyContent teacherEdited = new CompetencyContent("4.NF.1", "Statement 4.NF.1", "I can explain fractions",
                    null, null, "Standard", List.of("04"), false, null, null, null, List.of(), List.of(), "case-a", List.of());
            ImportedCompetency changed = new ImportedCompetency("a", new CompetencyContent("4.NF.1", "New wording", null, null,
                    null, "Standard", List.of("04"), false, null, null, null, List.of(), List.of(), "case-a", List.of()));
            CompetencyContent expected = CompetencyRules.normalize(CompetencyRules.normalize(teacherEdited)
                    .mergedWithImport(CompetencyRules.normalize(changed.content())));
            assertThat(expected.studentStatement()).isEqualTo("I can explain fractions");
            assertThat(expected.statement()).isEqualTo("New wording");
            fixture.given(new FrameworkDrafted(FW, 1, "Grade 4 Math", "Mathematics", "04", OWNER.id(), DRAFTED, DOC),
                            new CompetencyDefined(FW, 1, "a", 1, 1, CompetencyRules.normalize(original.content()), DRAFTED),
                            new CompetencyRevised(FW, 1, "a", 2, 1, 1, CompetencyRules.normalize(teacherEdited), false, DRAFTED),
                            new CompetencyPublished(FW, 1, "a", 3, 2, 1, CompetencyRules.normalize(teacherEdited), DRAFTED),
                            new FrameworkPublished(FW, 1, List.of("a"), DRAFTED))
                    .when(new ReimportCaseFramework(FW, DOC, OWNER, List.of(changed, item("n", "4.NF.9", null))))
                    .expectEvents(new FrameworkDrafted(FW, 2, "Grade 4 Math", "Mathematics", "04", OWNER.id(), T0, DOC),
                            new CompetencyRevised(FW, 2, "a", 4, 3, 1, expected, true, T0),
                            new CompetencyDefined(FW, 2, "n", 1, 1, CompetencyRules.normalize(item("n", "4.NF.9", null).content()), T0))
                    .expectResultMessagePayload(new ImportOutcome(FW, 2, "DRAFT", 1, 1, 0));
        }

        @Test
        void anotherTeacherCannotReimportSomeoneElsesFramework() {
            fixture.given(new FrameworkDrafted(FW, 1, "Grade 4 Math", "Mathematics", "04", OWNER.id(), DRAFTED, DOC))
                    .when(new ReimportCaseFramework(FW, DOC, OTHER, List.of(item("a", "4.NF.1", null))))
                    .expectException(NotFrameworkOwnerException.class);
        }
    }
}
