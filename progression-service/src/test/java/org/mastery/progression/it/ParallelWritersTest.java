package org.mastery.progression.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.Test;
import org.mastery.progression.journey.domain.CompetencyContext;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.RecordEvidence;
import org.mastery.progression.journey.domain.StudentJourney;
import org.mastery.progression.journey.query.JourneyAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Parallel writers on one student's journey lose no evidence: four threads over two "instances" (the
 * service's own command bus, and a second repository and command bus on the same event store, as a
 * scaled-out second instance would have) race; a writer that loses an append race is retried.
 */
class ParallelWritersTest extends ProgressionIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    ScheduledExecutorService commandRetryExecutor;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JourneyAudit audit;

    @Test
    void parallelEvidenceOnOneStudentIsNeverLost() throws Exception {
        String student = id("stu-par");
        CompetencyContext context = CompetencyContext.of(CompetencyPolicy.defaults("cmp-par"));
        AtomicInteger retries = new AtomicInteger();
        CommandGateway second = secondInstance(retries);

        int writers = 4;
        int perWriter = 30;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        for (int w = 0; w < writers; w++) {
            CommandGateway gateway = w % 2 == 0 ? commands : second;
            int writer = w;
            running.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    gateway.sendAndWait(new RecordEvidence(student, student + "-w" + writer + "-" + i, context, 1 + (i % 4),
                            "SELECTED_RESPONSE", "FORMATIVE", null, t.plusSeconds(60L * (writer * perWriter + i)), null));
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();

        Long accepted = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%EvidenceAccepted'", Long.class, student);
        assertThat(accepted).isEqualTo((long) writers * perWriter);
        JourneyAudit.Verification verification = audit.verify(student);
        assertThat(verification.mismatches()).as("chain and decisions intact under contention").isEmpty();
        assertThat(audit.history(student, null).competencies().get(0).evidenceCount()).isEqualTo(writers * perWriter);
        System.out.printf("parallel writers: %d evidence accepted, %d append conflicts retried on the second instance%n",
                accepted, retries.get());
    }

    private CommandGateway secondInstance(AtomicInteger retries) {
        EventSourcingRepository<StudentJourney> repository = EventSourcingRepository.builder(StudentJourney.class)
                .eventStore(eventStore)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(StudentJourney.class))
                .build();
        SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactionManager).build();
        bus.registerHandlerInterceptor(new org.axonframework.messaging.interceptors.CorrelationDataInterceptor<>(
                axon.correlationDataProviders()));
        AggregateAnnotationCommandHandler.<StudentJourney>builder()
                .aggregateType(StudentJourney.class)
                .repository(repository)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(StudentJourney.class))
                .build()
                .subscribe(bus);
        RetryScheduler concurrency = new org.mastery.kit.eventstore.ConcurrencyRetryScheduler(commandRetryExecutor, 10, 20, 1000);
        RetryScheduler counting = (CommandMessage command, RuntimeException failure, List<Class<? extends Throwable>[]> failures,
                                   Runnable dispatch) -> {
            boolean scheduled = concurrency.scheduleRetry(command, failure, failures, dispatch);
            if (scheduled) {
                retries.incrementAndGet();
            }
            return scheduled;
        };
        return DefaultCommandGateway.builder().commandBus(bus).retryScheduler(counting).build();
    }
}
