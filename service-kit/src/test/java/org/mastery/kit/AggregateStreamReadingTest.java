package org.mastery.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mastery.kit.eventstore.AggregateStreamReadingEngine;
import org.mastery.kit.eventstore.AxonPostgresAutoConfiguration;
import org.mastery.kit.testapp.KitTestApplication;
import org.mastery.kit.testapp.KitTestApplication.CounterIncremented;
import org.mastery.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reading an aggregate's stream from the PostgreSQL log: every event once, in sequence order, from
 * any starting point; a short batch ends the stream (no extra query), and the batches after the
 * first (and the events after a snapshot) are read on the read-ahead thread while the caller works.
 */
class AggregateStreamReadingTest {

    static ConfigurableApplicationContext service;
    static ExecutorService readAhead;
    static CountingEngine engine;

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(KitTestApplication.class)
                .properties(TestInfrastructure.springProperties("_streams" + System.nanoTime() % 100000))
                .properties("server.port=0")
                // a small pool, so that callers holding every connection is easy to arrange
                .run("--spring.datasource.hikari.maximum-pool-size=2");
        readAhead = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-read-ahead"));
        engine = new CountingEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(service.getBean("eventSerializer", Serializer.class))
                .snapshotSerializer(service.getBean("eventSerializer", Serializer.class))
                .connectionProvider(service.getBean(ConnectionProvider.class))
                .transactionManager(service.getBean(TransactionManager.class))
                .schema(EventSchema.builder().build())
                .batchSize(1000), readAhead, service.getBean(ConnectionProvider.class));
    }

    @AfterAll
    static void stop() {
        readAhead.shutdownNow();
        service.close();
    }

    @Test
    void theServicesStorageEngineReadsStreamsThisWay() {
        assertThat(service.getBean(EventStorageEngine.class)).isInstanceOf(AggregateStreamReadingEngine.class);
    }

    @Test
    void aLongStreamComesWholeAndInOrderWithTheLaterBatchesReadAhead() {
        String counter = append(2_500);
        String neighbour = append(10);
        String reader = Thread.currentThread().getName();

        engine.fetches.clear();
        assertThat(sequences(counter, 0)).isEqualTo(range(0, 2_500));
        // three batches: the first by the reader, the other two ahead of it; the short third ends it
        assertThat(engine.fetches).containsExactly(reader + "@0", "test-read-ahead@1000", "test-read-ahead@2000");

        engine.fetches.clear();
        assertThat(sequences(counter, 1_500)).as("the events after a snapshot: all read ahead").isEqualTo(range(1_500, 2_500));
        assertThat(engine.fetches).containsExactly("test-read-ahead@1500", "test-read-ahead@2500");

        engine.fetches.clear();
        assertThat(sequences(neighbour, 0)).isEqualTo(range(0, 10));
        assertThat(engine.fetches).as("a stream shorter than a batch takes one query").containsExactly(reader + "@0");

        assertThat(sequences(counter, 2_500)).isEmpty();
    }

    @Test
    void aStreamOfWholeBatchesEndsAtTheFirstEmptyOne() {
        String counter = append(2_000);
        String reader = Thread.currentThread().getName();
        engine.fetches.clear();
        assertThat(sequences(counter, 0)).isEqualTo(range(0, 2_000));
        assertThat(engine.fetches).containsExactly(reader + "@0", "test-read-ahead@1000", "test-read-ahead@2000");
    }

    @Test
    void readsAheadDoNotWaitForTheConnectionsTheirCallersHold() throws Exception {
        String counter = append(2_500);
        TransactionManager transactions = service.getBean(TransactionManager.class);
        EventStorageEngine storage = service.getBean(EventStorageEngine.class);
        int pool = ((com.zaxxer.hikari.HikariDataSource) service.getBean(javax.sql.DataSource.class)).getMaximumPoolSize();
        // as many callers as the pool has connections, each reading inside its own transaction
        ExecutorService callers = Executors.newFixedThreadPool(pool);
        try {
            java.util.concurrent.CountDownLatch allHoldOne = new java.util.concurrent.CountDownLatch(pool);
            List<java.util.concurrent.Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < pool; i++) {
                counts.add(callers.submit(() -> transactions.fetchInTransaction(() -> {
                    storage.lastSequenceNumberFor(counter); // takes the transaction's connection
                    allHoldOne.countDown();
                    awaitQuietly(allHoldOne);
                    return storage.readEvents(counter, 0).asStream().count();
                })));
            }
            for (java.util.concurrent.Future<Long> count : counts) {
                assertThat(count.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2_500L);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Appends {@code count} events of a new counter, interleaved in the log with another's. */
    private static String append(int count) {
        String counter = "counter-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        TransactionManager transactions = service.getBean(TransactionManager.class);
        EventStorageEngine storage = service.getBean(EventStorageEngine.class);
        for (int from = 0; from < count; from += 500) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 500); i++) {
                batch.add(new GenericDomainEventMessage<>("Counter", counter, i, new CounterIncremented(counter, "student", i + 1)));
                if (i % 100 == 0) {
                    batch.add(new GenericDomainEventMessage<>("Counter", other, i / 100, new CounterIncremented(other, "student", i)));
                }
            }
            transactions.executeInTransaction(() -> storage.appendEvents(batch));
        }
        return counter;
    }

    private static List<Long> sequences(String aggregate, long from) {
        List<Long> seen = new ArrayList<>();
        engine.readEvents(aggregate, from).asStream().forEach(e -> {
            assertThat(((CounterIncremented) e.getPayload()).value()).isEqualTo(e.getSequenceNumber() + 1);
            seen.add(e.getSequenceNumber());
        });
        return seen;
    }

    private static List<Long> range(long from, long to) {
        List<Long> r = new ArrayList<>();
        for (long i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    /** The engine under test, noting which thread fetched which batch. */
    static class CountingEngine extends AggregateStreamReadingEngine {
        final List<String> fetches = new CopyOnWriteArrayList<>();

        CountingEngine(JdbcEventStorageEngine.Builder builder, ExecutorService readAhead, ConnectionProvider readAheadConnections) {
            super(builder, readAhead, readAheadConnections);
        }

        @Override
        protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
            fetches.add(Thread.currentThread().getName() + "@" + firstSequenceNumber);
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }

        @Override
        protected List<? extends DomainEventData<?>> fetchAhead(String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
            fetches.add(Thread.currentThread().getName() + "@" + firstSequenceNumber);
            return super.fetchAhead(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
    }
}
