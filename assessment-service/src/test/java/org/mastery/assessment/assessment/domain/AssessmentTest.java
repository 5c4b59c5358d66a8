package org.mastery.assessment.assessment.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastery.assessment.MutableClock;
import org.mastery.assessment.Specs;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

class AssessmentTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    AggregateTestFixture<Assessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(MutableClock.at(NOW));
    }

    @Test
    void anAssessmentWithEquivalentFormsIsDefined() {
        AssessmentSpec spec = Specs.quiz("asm-1", AssessmentType.SUMMATIVE, 3);
        fixture.givenNoPriorActivity()
                .when(new DefineAssessment("asm-1", " Ratios quiz ", spec, "tch-1"))
                .expectEvents(new AssessmentDefined("asm-1", 1, "Ratios quiz", spec, "tch-1", NOW));
    }

    @Test
    void aRubricAssessmentIsDefined() {
        AssessmentSpec spec = Specs.task("asm-2", AssessmentType.FORMATIVE, AssessmentMethod.OBSERVATION);
        fixture.givenNoPriorActivity()
                .when(new DefineAssessment("asm-2", "Group work", spec, "tch-1"))
                .expectEvents(new AssessmentDefined("asm-2", 1, "Group work", spec, "tch-1", NOW));
    }

    @Test
    void everyFormCoversEveryAlignedCompetencyAndItemsAlignOnlyToThem() {
        AssessmentSpec good = Specs.quiz("asm-1", AssessmentType.SUMMATIVE, 2);
        Form lopsided = new Form("B", null, List.of(new Item("q1", Specs.CMP_A, "?", List.of(), List.of("A")),
                new Item("q2", "cmp-elsewhere", "?", List.of(), List.of("A")), new Item("q3", Specs.CMP_A, "?", List.of(), List.of(" "))));
        AssessmentSpec bad = new AssessmentSpec("asm-1", good.type(), good.method(), good.scoring(), good.competencies(),
                List.of(good.forms().get(0), lopsided), List.of(), good.retakePolicy(), 0.7);
        fixture.givenNoPriorActivity()
                .when(new DefineAssessment("asm-1", "Quiz", bad, "tch-1"))
                .expectNoEvents()
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(
                        containsString("form B has no item on competency cmp-b"),
                        containsString("item q2 of form B is aligned to cmp-elsewhere"),
                        containsString("item q3 of form B has no answer key")));
    }

    @Test
    void rubricLevelsLieOnTheCompetencysScaleAndEveryCompetencyHasACriterion() {
        AssessmentSpec good = Specs.task("asm-2", AssessmentType.SUMMATIVE, AssessmentMethod.PROJECT);
        AssessmentSpec bad = new AssessmentSpec("asm-2", good.type(), good.method(), good.scoring(),
                List.of(new AlignedCompetency(Specs.CMP_A, "A", Scale.standard()), new AlignedCompetency(Specs.CMP_B, "B", Scale.standard())),
                good.forms(), List.of(new Criterion("a1", Specs.CMP_A, "x", List.of(1, 2, 5))), good.retakePolicy(), 0.7);
        fixture.givenNoPriorActivity()
                .when(new DefineAssessment("asm-2", "Project", bad, "tch-1"))
                .expectNoEvents()
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(
                        containsString("criterion a1 has level 5, which is not on the scale of cmp-a"),
                        containsString("no rubric criterion is aligned to competency cmp-b")));
    }

    @Test
    void aTitleFormsAndAReasonableCoolDownAreRequired() {
        AssessmentSpec good = Specs.quiz("asm-1", AssessmentType.SUMMATIVE, 1);
        AssessmentSpec bad = new AssessmentSpec("asm-1", good.type(), good.method(), good.scoring(), good.competencies(),
                List.of(), List.of(), new RetakePolicy(-1, true), 0);
        fixture.givenNoPriorActivity()
                .when(new DefineAssessment("asm-1", " ", bad, "tch-1"))
                .expectNoEvents()
                .expectException(InvalidAssessmentException.class)
                .expectExceptionMessage(allOf(containsString("title"), containsString("at least one form"),
                        containsString("coolDownHours"), containsString("masteryThreshold")));
    }

    @Test
    void retiringIsRecordedOnce() {
        AssessmentSpec spec = Specs.quiz("asm-1", AssessmentType.SUMMATIVE, 1);
        AssessmentDefined defined = new AssessmentDefined("asm-1", 1, "Quiz", spec, "tch-1", NOW);
        fixture.given(defined)
                .when(new RetireAssessment("asm-1", "tch-1"))
                .expectEvents(new AssessmentRetired("asm-1", "tch-1", NOW));
        fixture.given(defined, new AssessmentRetired("asm-1", "tch-1", NOW))
                .when(new RetireAssessment("asm-1", "adm-1"))
                .expectNoEvents();
    }
}
