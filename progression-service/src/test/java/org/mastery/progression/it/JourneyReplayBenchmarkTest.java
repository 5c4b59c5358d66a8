package org.mastery.progression.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.mastery.progression.config.JourneyAxonConfiguration.EventJson;
import org.mastery.progression.journey.domain.CompetencyContext;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.CourseRequirement;
import org.mastery.progression.journey.domain.Dependent;
import org.mastery.progression.journey.domain.JourneyModel;
import org.mastery.progression.journey.domain.Phase;
import org.mastery.progression.journey.domain.RecordEvidence;
import org.mastery.progression.journey.domain.StudentJourney;
import org.mastery.progression.journey.domain.WithdrawEvidence;
import org.mastery.progression.journey.query.JourneyAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptance: a journey of at least 10,000 events for one student, made by the journey's real command
 * handlers, replayed from the event store gives the live state, with and without a snapshot, and every
 * recorded decision re-derives exactly. Prints the load times (medians) with baselines measured in the
 * same run: the raw JDBC read of the rows, a naive journey that deserializes every payload, and the
 * full replay with Axon's default read batch of 100 rows. It runs last (it stops the service's event
 * processors, so that nothing else competes for the CPU while it measures).
 */
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class JourneyReplayBenchmarkTest extends ProgressionIntegrationTest {

    static final int TARGET_EVENTS = 10_000;
    static final int COMPETENCIES = 250;
    static final int WARMUP = 3;
    static final int RUNS = 11;
    static final int TAIL_COMMANDS = 40;

    @Autowired
    CommandGateway commands;
    @org.springframework.beans.factory.annotation.Value("${mastery.progression.snapshot-threshold}")
    int snapshotThreshold;
    @Autowired
    Repository<StudentJourney> repository;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventJson eventJson;
    @Autowired
    JourneyAudit audit;
    @Autowired
    Serializer serializer;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void tenThousandEventsReplayToTheLiveStateFastWithAndWithoutASnapshot() throws Exception {
        String student = id("bench-stu");
        for (String processor : List.of("journey-projection", "override-expiry", "kafka-publisher")) {
            processing.eventProcessor(processor).ifPresent(org.axonframework.eventhandling.EventProcessor::shutDown);
        }
        long built = System.nanoTime();
        int evidenceSent = buildJourney(student);
        double buildSeconds = (System.nanoTime() - built) / 1e9;
        long events = eventCount(student);
        assertThat(events).isGreaterThanOrEqualTo(TARGET_EVENTS);

        // the live state: what the command side holds now
        StudentJourney live = loadWithRepository(student);
        ObjectMapper mapper = eventJson.mapper();
        String liveJson = mapper.writeValueAsString(live);
        assertThat(live.chainHead().sequence()).isEqualTo(events - 1);

        AggregateModel<StudentJourney> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(StudentJourney.class,
                ClasspathParameterResolverFactory.forClass(StudentJourney.class));
        StudentJourney full = replayWithoutSnapshot(storageEngine, model, student);
        assertThat(mapper.writeValueAsString(full)).as("full replay equals the live state").isEqualTo(liveJson);

        Long snapshotAt = awaitSnapshot(student);
        StudentJourney fromSnapshot = loadWithRepository(student);
        assertThat(mapper.writeValueAsString(fromSnapshot)).as("snapshot + tail equals full replay").isEqualTo(liveJson);

        JourneyAudit.Verification check = audit.verify(student);
        assertThat(check.mismatches()).as("every decision re-derives and the chain holds").isEmpty();
        assertThat(check.eventsChecked()).isEqualTo((int) events);

        // ---- measurements (medians after warm-up) ----
        JdbcEventStorageEngine defaultBatchEngine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer).eventSerializer(serializer)
                .connectionProvider(connectionProvider).transactionManager(transactionManager)
                .schema(EventSchema.builder().build()).batchSize(100).build();
        AggregateModel<NaiveJourney> naiveModel = AnnotatedAggregateMetaModelFactory.inspectAggregate(NaiveJourney.class,
                ClasspathParameterResolverFactory.forClass(NaiveJourney.class));

        Timing rawJdbc = median(() -> rawRows(student));
        Timing naive = median(() -> replayNaive(naiveModel, student), 1, 5);
        Timing defaultBatch = median(() -> replayWithoutSnapshot(defaultBatchEngine, model, student));
        Timing fullReplay = median(() -> replayWithoutSnapshot(storageEngine, model, student), 5, RUNS);
        // a snapshot load is short: warm its (CBOR) path up as much as a running service would have
        Timing snapshotLoad = median(() -> loadWithRepository(student), 60, 41);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long snapshotBytes = jdbc.queryForObject("SELECT octet_length(payload) FROM SnapshotEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber DESC LIMIT 1", Long.class, student);
        long eventBytes = jdbc.queryForObject("SELECT sum(octet_length(payload) + coalesce(octet_length(metaData), 0)) "
                + "FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, student);

        System.out.printf(Locale.ROOT, "%n=== journey replay benchmark: %d events (%d evidence commands over %d competencies, built in %.1f s), "
                        + "%.1f MB of payload+metadata ===%n", events, evidenceSent, COMPETENCIES, buildSeconds, eventBytes / 1e6);
        System.out.printf(Locale.ROOT, "baseline  raw JDBC read of the rows (no deserialization)        %s%n", rawJdbc);
        System.out.printf(Locale.ROOT, "baseline  naive journey: every payload deserialized, batch 1000  %s%n", naive);
        System.out.printf(Locale.ROOT, "baseline  full replay, Axon's default read batch of 100 rows    %s%n", defaultBatch);
        System.out.printf(Locale.ROOT, "journey   full replay without snapshot (batch 1000)            %s   (goal <= 150 ms)%n", fullReplay);
        System.out.printf(Locale.ROOT, "journey   load with snapshot (seq %d) + %d tail events      %s   (goal <= 5 ms; a snapshot every %d events)%n",
                snapshotAt, events - 1 - snapshotAt, snapshotLoad, snapshotThreshold);
        System.out.printf(Locale.ROOT, "snapshot size %.0f kB; medians of %d runs after %d warm-ups (naive: 5 after 1; full replay: "
                + "after 5; snapshot load: 41 after 60); system load "
                + "average %.1f on %d cores; PostgreSQL embedded (fsync and synchronous_commit off); JVM %s %s%n%n",
                snapshotBytes / 1e3, RUNS, WARMUP, load, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList());
    }

    // ---- building a long journey through the command path ----

    /**
     * Runs the journey's real command handlers (the aggregate, its rules and hash chain) on an in-memory
     * Axon store with a cached aggregate, then appends the resulting events, metadata and all, to the
     * service's PostgreSQL event store in batches: building 10,000 events through the full service
     * path (publisher and projections included) would take minutes of the suite.
     */
    private int buildJourney(String student) {
        org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine memory =
                new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine();
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store =
                org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(memory).build();
        org.axonframework.eventsourcing.CachingEventSourcingRepository<StudentJourney> cached =
                org.axonframework.eventsourcing.CachingEventSourcingRepository.builder(StudentJourney.class)
                        .eventStore(store).cache(new org.axonframework.common.caching.WeakReferenceCache())
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(StudentJourney.class)).build();
        org.axonframework.commandhandling.SimpleCommandBus bus = org.axonframework.commandhandling.SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new org.axonframework.messaging.interceptors.CorrelationDataInterceptor<>(
                new org.axonframework.messaging.correlation.MessageOriginProvider("causationId", "traceId")));
        org.axonframework.modelling.command.AggregateAnnotationCommandHandler.<StudentJourney>builder()
                .aggregateType(StudentJourney.class).repository(cached)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(StudentJourney.class)).build().subscribe(bus);
        CommandGateway inMemory = org.axonframework.commandhandling.gateway.DefaultCommandGateway.builder().commandBus(bus).build();

        List<CompetencyContext> contexts = contexts();
        java.util.Random random = new java.util.Random(42);
        Instant start = Instant.parse("2024-09-01T08:00:00Z");
        int sent = 0;
        long events = 0;
        while (events < TARGET_EVENTS - TAIL_COMMANDS * 2) {
            int c = random.nextInt(COMPETENCIES);
            CompetencyContext context = contexts.get(c);
            // scores drift upwards with practice, with noise; some work is graded late (observed earlier)
            double score = Math.max(1, Math.min(4, Math.round((1.5 + random.nextDouble() * 2.5 + sent / 4000.0) * 4) / 4.0));
            Instant observed = start.plusSeconds(3600L * sent - (sent % 7 == 0 ? 86_400L * 2 : 0));
            String type = sent % 9 == 0 ? "SUMMATIVE" : "FORMATIVE";
            String evidenceId = "evd-" + student + "-" + sent;
            inMemory.sendAndWait(new RecordEvidence(student, evidenceId, context, score, "SELECTED_RESPONSE", type,
                    "asm-" + c % 20, observed, null));
            if (sent % 50 == 49) {
                inMemory.sendAndWait(new WithdrawEvidence(student, evidenceId, context, "VOIDED"));
            }
            sent++;
            if (sent % 100 == 0) {
                events = memory.lastSequenceNumberFor(student).orElse(-1L) + 1;
            }
        }
        // into PostgreSQL, 1,000 events per transaction
        List<org.axonframework.eventhandling.DomainEventMessage<?>> all = new ArrayList<>();
        memory.readEvents(student, 0).asStream().forEach(all::add);
        for (int from = 0; from < all.size(); from += 1000) {
            List<? extends org.axonframework.eventhandling.EventMessage<?>> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            transactionManager.executeInTransaction(() -> storageEngine.appendEvents(chunk));
        }
        // the tail goes through the service's own command path, which also takes the snapshot
        for (int i = 0; i < TAIL_COMMANDS; i++, sent++) {
            int c = random.nextInt(COMPETENCIES);
            commands.sendAndWait(new RecordEvidence(student, "evd-" + student + "-" + sent, contexts.get(c), 1 + random.nextInt(4),
                    "SELECTED_RESPONSE", "FORMATIVE", null, start.plusSeconds(3600L * sent), null));
        }
        return sent;
    }

    private static List<CompetencyContext> contexts() {
        List<CompetencyContext> contexts = new ArrayList<>();
        List<Phase> phases = List.of(new Phase("ph-start", 1, 1, 2), new Phase("ph-grow", 2, 2, 3), new Phase("ph-secure", 3, 3, 4));
        for (int i = 0; i < COMPETENCIES; i++) {
            String id = "bench-c" + i;
            String method = new String[] {"DECAYING_AVERAGE", "WEIGHTED_LATEST", "N_TIMES", "M_OF_N", "AVERAGE"}[i % 5];
            CompetencyPolicy policy = new CompetencyPolicy(id, 1, 1, method, Map.of(), 2, List.of(), i % 7 == 0, 3.0, null, phases);
            List<String> prerequisites = i % 5 == 0 ? List.of() : List.of("bench-c" + (i - 1));
            List<Dependent> dependents = i % 5 == 4 ? List.of() : List.of(new Dependent("bench-c" + (i + 1), List.of(id)));
            int first = i - i % 10;
            List<String> courseCompetencies = new ArrayList<>();
            for (int k = first; k < first + 10; k++) {
                courseCompetencies.add("bench-c" + k);
            }
            contexts.add(new CompetencyContext(policy, prerequisites, dependents,
                    List.of(new CourseRequirement("bench-course-" + first / 10, 1, 0.5, courseCompetencies))));
        }
        return contexts;
    }

    /** Waits until the projection has caught up with the journey, so that measurements run on a quiet machine. */
    private void awaitQuiet(String student, long lastSequence) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            org.mastery.progression.journey.query.ProgressionView view = mongo.findById(student,
                    org.mastery.progression.journey.query.ProgressionView.class);
            if (view != null && view.appliedThrough >= lastSequence) {
                pause(2000);
                return;
            }
            pause(250);
        }
    }

    private long eventCount(String student) {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, student);
    }

    private Long awaitSnapshot(String student) {
        for (int i = 0; i < 100; i++) {
            List<Long> at = jdbc.queryForList("SELECT max(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, student);
            if (!at.isEmpty() && at.get(0) != null) {
                return at.get(0);
            }
            pause(100);
        }
        throw new AssertionError("no snapshot was taken");
    }

    // ---- the ways of loading a journey ----

    /** As a command loads its journey: in the command's unit of work and database transaction. */
    private StudentJourney loadWithRepository(String student) {
        org.axonframework.common.transaction.Transaction transaction = transactionManager.startTransaction();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(student).invoke(j -> j);
        } finally {
            uow.rollback();
            transaction.rollback();
        }
    }

    private static StudentJourney replayWithoutSnapshot(EventStorageEngine engine, AggregateModel<StudentJourney> model, String student) {
        DomainEventStream stream = engine.readEvents(student, 0);
        EventSourcedAggregate<StudentJourney> aggregate = EventSourcedAggregate.initialize(newJourney(), model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        return aggregate.invoke(j -> j);
    }

    private Object replayNaive(AggregateModel<NaiveJourney> model, String student) {
        EventSourcedAggregate<NaiveJourney> aggregate = EventSourcedAggregate.initialize(new NaiveJourney(), model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(storageEngine.readEvents(student, 0));
        return aggregate.invoke(j -> j.count);
    }

    private Object rawRows(String student) {
        return jdbc.query("SELECT eventIdentifier, sequenceNumber, timeStamp, payloadType, payloadRevision, payload, metaData "
                + "FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", rs -> {
                    long bytes = 0;
                    while (rs.next()) {
                        bytes += rs.getBytes(6).length + rs.getBytes(7).length + rs.getString(1).length();
                    }
                    return bytes;
                }, student);
    }

    private static StudentJourney newJourney() {
        try {
            var constructor = StudentJourney.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Median wall-clock and thread-CPU milliseconds of a load. */
    record Timing(double wallMs, double cpuMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%8.1f ms wall %8.1f ms cpu", wallMs, cpuMs);
        }
    }

    private static Timing median(Supplier<Object> load) {
        return median(load, WARMUP, RUNS);
    }

    private static Timing median(Supplier<Object> load, int warmup, int runs) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            load.get();
        }
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            load.get();
            wall[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timing(wall[runs / 2], cpu[runs / 2]);
    }

    /** The baseline: an aggregate whose handler reads every event's payload and metadata. */
    public static class NaiveJourney {
        @org.axonframework.modelling.command.AggregateIdentifier
        String id;
        long count;
        String lastHash;
        final List<Object> seen = new ArrayList<>();

        @org.axonframework.eventsourcing.EventSourcingHandler
        void on(Object payload, DomainEventMessage<?> message) {
            id = message.getAggregateIdentifier();
            count++;
            lastHash = (String) message.getMetaData().get("hash");
            if (payload == null) {
                seen.add(payload);
            }
        }
    }
}
