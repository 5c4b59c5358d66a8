package org.mastery.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastery.kit.PublicationTestSupport.forSubject;
import static org.mastery.kit.PublicationTestSupport.ids;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mastery.kit.testapp.KitTestApplication;
import org.mastery.kit.testapp.KitTestApplication.IncrementCounter;
import org.mastery.kit.testapp.KitTestApplication.OpenCounter;
import org.mastery.testsupport.TestInfrastructure;
import org.mastery.testsupport.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of one service writing one event store, as when a service is scaled out: the
 * unique (aggregate, sequence) guard makes racing writers conflict, the losing command is retried,
 * and the publisher (whichever instance holds its claim) still publishes every event despite the
 * gaps that concurrent transactions leave in the global index.
 */
class TwoInstancesTest {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        String suffix = "_pair" + System.nanoTime() % 100000;
        first = start(suffix);
        second = start(suffix);
    }

    static ConfigurableApplicationContext start(String suffix) {
        return new SpringApplicationBuilder(KitTestApplication.class)
                .properties(TestInfrastructure.springProperties(suffix))
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void aSecondAppendAtTheSameSequenceIsAConcurrencyConflict() {
        String aggregate = "counter-" + UUID.randomUUID();
        EventStore a = first.getBean(EventStore.class);
        EventStore b = second.getBean(EventStore.class);
        append(a, aggregate, 0);
        append(a, aggregate, 1);
        // PostgreSQL reports the unique (aggregate, sequence) violation; it must surface as a conflict
        assertThatThrownBy(() -> append(b, aggregate, 1)).isInstanceOf(ConcurrencyException.class);
    }

    private static void append(EventStore store, String aggregate, long sequence) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(new GenericDomainEventMessage<>(
                "Counter", aggregate, sequence, new KitTestApplication.CounterOpened(aggregate, "student-x"))));
    }

    @Test
    void parallelWritersOnBothInstancesLoseNoUpdateAndEveryEventIsPublished() throws Exception {
        String student = "student-" + UUID.randomUUID();
        String counter = "counter-" + UUID.randomUUID();
        CommandGateway one = first.getBean(CommandGateway.class);
        CommandGateway two = second.getBean(CommandGateway.class);
        one.sendAndWait(new OpenCounter(counter, student));

        int perWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (CommandGateway gateway : List.of(one, two, one, two)) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    gateway.sendAndWait(new IncrementCounter(counter));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        long last = one.sendAndWait(new IncrementCounter(counter));
        assertThat(last).as("value after one more increment").isEqualTo(4L * perWriter + 1);

        try (TopicProbe probe = new TopicProbe(KitTestApplication.TOPIC)) {
            var records = probe.readUntil(seen -> ids(forSubject(seen, student)).size() == 4 * perWriter + 1, Duration.ofSeconds(60));
            List<Long> values = forSubject(records, student).stream().map(e -> e.at("/data/value").asLong()).distinct().sorted().toList();
            assertThat(values).hasSize(4 * perWriter + 1).first().isEqualTo(1L);
            assertThat(values.get(values.size() - 1)).isEqualTo(4L * perWriter + 1);
        }
    }
}
