package org.mastery.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.progression.MasteryLapsed;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.classroom.query.ClassMapAssembler;
import org.mastery.reporting.classroom.query.ClassViews;
import org.mastery.reporting.classroom.query.InterventionGrouping;
import org.mastery.reporting.projection.query.BufferedReadModelStore;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.projection.query.ReportingProjector;
import org.mastery.reporting.projection.query.StudentProgress;
import org.mastery.reporting.projection.query.TranscriptRecord;
import org.mastery.reporting.student.query.TrackerAssembler;
import org.mastery.reporting.student.query.TrackerView;
import org.mastery.reporting.support.EventStreams;
import org.mastery.reporting.support.InMemoryReadModelStore;
import org.mastery.reporting.support.Scenario;
import org.mastery.reporting.support.Snapshots;

/** Given a recorded event sequence, the read models are exactly these — in any interleaving of the streams, and with redeliveries. */
class ProjectionScenarioTest {

    static final Instant START = Instant.parse("2026-09-01T08:00:00Z");

    static Map<String, Map<String, JsonNode>> build(List<InboundEvent> events) {
        InMemoryReadModelStore store = new InMemoryReadModelStore();
        ReportingProjector projector = new ReportingProjector(store);
        events.forEach(projector::apply);
        return Snapshots.of(store, ReadModels.PROJECTIONS);
    }

    @Test
    void givenTheRecordedEventsTheReadModelsAreTheExpectedDocuments() {
        Scenario s = new Scenario("x", START);
        InMemoryReadModelStore store = new InMemoryReadModelStore();
        ReportingProjector projector = new ReportingProjector(store);
        s.events().events().forEach(projector::apply);

        StudentProgress a = projector.loadStudent(s.studentA);
        assertThat(a.schoolId).isEqualTo(s.school);
        assertThat(a.classIds).containsExactly(s.classId);
        assertThat(a.guardianIds).containsExactly(s.guardian);
        assertThat(a.competencies.get(s.c1).state).isEqualTo("MASTERED");
        assertThat(a.competencies.get(s.c1).value).isEqualTo(3.65);
        assertThat(a.competencies.get(s.c1).history).hasSize(3);
        assertThat(a.competencies.get(s.c2).unlocked).isTrue();
        // merged from assessment (recorded) and progression (accepted)
        assertThat(a.evidence.get("ev-a1-x").sources).containsExactly("assessment", "progression");
        // the voided attempt's evidence no longer counts
        assertThat(a.counts(a.evidence.get("ev-a3-x"))).isFalse();
        assertThat(a.tutoring.optedIn).isTrue();

        TranscriptRecord transcript = ReadModels.read(store.find(ReadModels.TRANSCRIPTS, s.studentA).orElseThrow(), TranscriptRecord.class);
        assertThat(transcript.mastered).containsOnlyKeys(s.c1);
        assertThat(transcript.mastered.get(s.c1).evidence.count).isEqualTo(2);
        assertThat(transcript.mastered.get(s.c1).evidence.highestScore).isEqualTo(4.0);
        assertThat(transcript.credits).containsOnlyKeys(s.smallCourse);

        JsonNode classMap = store.find(ReadModels.CLASS_MAPS, s.classId).orElseThrow();
        assertThat(classMap.path("courseId").asText()).isEqualTo(s.course);
        assertThat(classMap.path("teachers").has(s.teacher)).isTrue();
        assertThat(classMap.path("students").properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(s.studentA, s.studentB);
        JsonNode rowA = store.find(ReadModels.STUDENT_SUMMARIES, s.studentA).orElseThrow().path("row");
        assertThat(rowA.path("cells").path(s.c1).path("state").asText()).isEqualTo("MASTERED");
        assertThat(rowA.path("cells").path(s.c1).path("evidenceCount").asInt()).isEqualTo(2);
        assertThat(rowA.path("cells").path(s.c2).path("evidenceCount").asInt()).isZero();
        assertThat(store.find(ReadModels.STUDENT_SUMMARIES, s.studentB).orElseThrow().path("row").path("interventions").has(s.c2)).isTrue();

        JsonNode schoolRoll = store.find(ReadModels.ORG_ROLLS, s.school).orElseThrow();
        assertThat(schoolRoll.path("name").asText()).isEqualTo("Lincoln");
        assertThat(schoolRoll.path("students").properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(s.studentA, s.studentB);
        assertThat(store.find(ReadModels.STUDENT_SUMMARIES, s.studentA).orElseThrow()
                .path("contribution").path("competencies").path(s.c1).path("masteredAt").asText()).isNotBlank();
        assertThat(store.find(ReadModels.ORG_ROLLS, s.district).orElseThrow().path("children").has(s.school)).isTrue();
        // the revision (version 2) replaced the first definition
        assertThat(store.find(ReadModels.COMPETENCIES, s.c1).orElseThrow().path("version").asInt()).isEqualTo(2);

        Catalog catalog = new Catalog(store);
        TrackerView tracker = new TrackerAssembler(catalog).tracker(s.studentA, null).orElseThrow();
        assertThat(tracker.competencies()).extracting(TrackerView.CompetencyView::competencyId).containsExactly(s.c1, s.c2, s.c3);
        TrackerView.CompetencyView c1 = tracker.competencies().get(0);
        assertThat(c1.iCan()).isEqualTo("I can do RP.1.x");
        assertThat(c1.masteryLooksLike()).contains("Solves RP.1.x");
        assertThat(c1.level().label()).isEqualTo("Proficient");
        assertThat(c1.scores()).extracting(TrackerView.ScorePoint::score).containsExactly(3.0, 4.0);
        assertThat(tracker.summary().mastered()).isEqualTo(1);
        assertThat(tracker.reflections().count()).isEqualTo(1);
        assertThat(tracker.goals()).singleElement().satisfies(g -> assertThat(g.competencyId()).isEqualTo(s.c2));
        // C2 is unlocked, not mastered, and the student's goal: first next step, with its first phase's resources
        assertThat(tracker.nextSteps()).extracting(TrackerView.NextStep::competencyId).containsExactly(s.c2);
        assertThat(tracker.nextSteps().get(0).reason()).isEqualTo("GOAL");
        assertThat(tracker.nextSteps().get(0).resources()).extracting(r -> r.kind()).containsExactly("VIDEO");

        ClassMapAssembler classes = new ClassMapAssembler(catalog);
        ClassViews.Interventions interventions = classes.interventions(s.classId, store.find(ReadModels.CLASS_MAPS, s.classId).orElseThrow(), Map.of());
        assertThat(interventions.groups()).singleElement().satisfies(g -> {
            assertThat(g.competencyId()).isEqualTo(s.c2);
            assertThat(g.grouping()).isEqualTo(InterventionGrouping.INDIVIDUAL);
            assertThat(g.members()).extracting(ClassViews.StuckStudent::studentId).containsExactly(s.studentB);
        });
        ClassViews.MasteryMap map = classes.masteryMap(store.find(ReadModels.CLASS_MAPS, s.classId).orElseThrow(), Map.of(), s.c1, "desc");
        assertThat(map.competencies()).extracting(ClassViews.Column::competencyId).containsExactly(s.c1, s.c2, s.c3);
        assertThat(map.students()).extracting(ClassViews.Row::studentId).containsExactly(s.studentA, s.studentB);
        ClassViews.MasteryMap ascending = classes.masteryMap(store.find(ReadModels.CLASS_MAPS, s.classId).orElseThrow(), Map.of(), s.c1, "asc");
        assertThat(ascending.students()).extracting(ClassViews.Row::studentId).containsExactly(s.studentB, s.studentA);
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        List<InboundEvent> events = new Scenario("r", START).events().events();
        List<InboundEvent> twice = new ArrayList<>(events);
        twice.addAll(events);
        // and each event immediately repeated, as after a crash between applying and marking it
        List<InboundEvent> stuttered = new ArrayList<>();
        events.forEach(e -> {
            stuttered.add(e);
            stuttered.add(e);
        });
        Map<String, Map<String, JsonNode>> once = build(events);
        assertThat(build(twice)).isEqualTo(once);
        assertThat(build(stuttered)).isEqualTo(once);
    }

    /** Kafka keeps order within a partition only: any merge of the partitions' sequences must give the same read models. */
    @Property(tries = 60)
    void anyInterleavingOfTheStreamsGivesTheSameReadModels(@ForAll long seed) {
        List<InboundEvent> events = new Scenario("o", START).events().events();
        Map<String, Map<String, JsonNode>> expected = build(events);
        assertThat(build(interleave(events, new Random(seed), true))).isEqualTo(expected);
    }

    /** The listener applies Kafka's batches through a write buffer: any batching gives the same documents. */
    @Property(tries = 40)
    void batchesOfAnySizeThroughTheWriteBufferGiveTheSameReadModels(@ForAll long seed) {
        List<InboundEvent> events = interleave(new Scenario("b", START).events().events(), new Random(seed), false);
        Map<String, Map<String, JsonNode>> expected = build(events);
        Random random = new Random(seed);
        InMemoryReadModelStore store = new InMemoryReadModelStore();
        BufferedReadModelStore buffer = new BufferedReadModelStore(store);
        ReportingProjector projector = new ReportingProjector(buffer);
        for (InboundEvent event : events) {
            projector.apply(event);
            if (random.nextInt(6) == 0) {
                buffer.flush();
            }
        }
        buffer.flush();
        assertThat(Snapshots.of(store, ReadModels.PROJECTIONS)).isEqualTo(expected);
    }

    /**
     * The process may stop part-way through writing a batch; the batch is then delivered again (its
     * events were not marked). Whatever the point it stopped at, the read models end up the same.
     */
    @Property(tries = 60)
    void aBatchCutOffPartWayThroughItsWritesAndDeliveredAgainGivesTheSameReadModels(@ForAll long seed) {
        List<InboundEvent> events = interleave(new Scenario("cut", START).events().events(), new Random(seed), false);
        Map<String, Map<String, JsonNode>> expected = build(events);
        Random random = new Random(seed);
        InMemoryReadModelStore store = new InMemoryReadModelStore();
        for (int from = 0; from < events.size(); ) {
            List<InboundEvent> batch = events.subList(from, Math.min(events.size(), from + 1 + random.nextInt(10)));
            BufferedReadModelStore cut = new BufferedReadModelStore(new StoppingStore(store, random.nextInt(12)));
            try {
                ReportingProjector first = new ReportingProjector(cut);
                batch.forEach(first::apply);
                cut.flush();
            } catch (StoppingStore.Stopped stopped) {
                // the process stopped here
            }
            BufferedReadModelStore again = new BufferedReadModelStore(store);
            ReportingProjector second = new ReportingProjector(again);
            batch.forEach(second::apply);
            again.flush();
            from += batch.size();
        }
        assertThat(Snapshots.of(store, ReadModels.PROJECTIONS)).isEqualTo(expected);
    }

    /** Passes writes on to a store until it has passed on {@code writes} of them, then stops as a killed process would. */
    private static final class StoppingStore extends org.mastery.reporting.support.ForwardingReadModelStore {

        static final class Stopped extends RuntimeException {
        }

        private int writes;

        StoppingStore(InMemoryReadModelStore delegate, int writes) {
            super(delegate);
            this.writes = writes;
        }

        @Override
        protected void beforeWrite() {
            if (writes-- == 0) {
                throw new Stopped();
            }
        }
    }

    @Test
    void aDecisionBeforeTheRosterAndEvidenceBeforeItsDefinitionEndUpInTheSameViews() {
        Scenario s = new Scenario("late", START);
        List<InboundEvent> events = s.events().events();
        List<InboundEvent> decisionsFirst = new ArrayList<>();
        // progression and assessment streams first, then roster, then curriculum last
        for (String prefix : List.of("progression.", "assessment.", "roster.", "curriculum.")) {
            events.stream().filter(e -> e.topic().startsWith(prefix)).forEach(decisionsFirst::add);
        }
        assertThat(build(decisionsFirst)).isEqualTo(build(events));

        InMemoryReadModelStore store = new InMemoryReadModelStore();
        ReportingProjector projector = new ReportingProjector(store);
        decisionsFirst.forEach(projector::apply);
        assertThat(store.find(ReadModels.CLASS_MAPS, s.classId).orElseThrow().path("students").has(s.studentA)).isTrue();
        JsonNode row = store.find(ReadModels.STUDENT_SUMMARIES, s.studentA).orElseThrow().path("row");
        assertThat(row.path("cells").path(s.c1).path("state").asText()).isEqualTo("MASTERED");
        TrackerView tracker = new TrackerAssembler(new Catalog(store)).tracker(s.studentA, null).orElseThrow();
        assertThat(tracker.competencies().get(0).code()).isEqualTo("RP.1.late");
    }

    @Test
    void aLaterDecisionWinsAndAnOlderOneRedeliveredDoesNot() {
        Scenario s = new Scenario("lapse", START);
        EventStreams streams = s.events();
        InboundEvent lapsed = streams.add(ProgressionTopics.DECISIONS, s.studentA, MasteryLapsed.TYPE,
                new MasteryLapsed(s.studentA, s.c1, "ev-late", null));
        List<InboundEvent> events = streams.events();
        InMemoryReadModelStore store = new InMemoryReadModelStore();
        ReportingProjector projector = new ReportingProjector(store);
        events.forEach(projector::apply);
        assertThat(projector.loadStudent(s.studentA).competencies.get(s.c1).state).isEqualTo("NEEDS_REVIEW");
        // the mastery decision (an earlier offset of the same stream) redelivered after the lapse
        events.stream().filter(e -> e.type().equals("progression.CompetencyMastered")).forEach(projector::apply);
        assertThat(projector.loadStudent(s.studentA).competencies.get(s.c1).state).isEqualTo("NEEDS_REVIEW");
        assertThat(lapsed.offset()).isGreaterThan(0);
        assertThat(ReadModels.read(store.find(ReadModels.TRANSCRIPTS, s.studentA).orElseThrow(), TranscriptRecord.class).mastered).isEmpty();
    }

    /** A random merge of the per-partition sequences; with {@code duplicates}, some events are delivered again later in their stream. */
    static List<InboundEvent> interleave(List<InboundEvent> events, Random random, boolean duplicates) {
        Map<String, Deque<InboundEvent>> streams = new LinkedHashMap<>();
        for (InboundEvent e : events) {
            streams.computeIfAbsent(EventStreams.stream(e), k -> new ArrayDeque<>()).add(e);
        }
        List<InboundEvent> merged = new ArrayList<>();
        List<String> keys = new ArrayList<>(streams.keySet());
        while (!keys.isEmpty()) {
            String key = keys.get(random.nextInt(keys.size()));
            InboundEvent next = streams.get(key).poll();
            merged.add(next);
            if (duplicates && random.nextInt(5) == 0) {
                merged.add(next);
            }
            if (streams.get(key).isEmpty()) {
                keys.remove(key);
            }
        }
        return merged;
    }
}
