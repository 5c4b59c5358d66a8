package org.mastery.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastery.kit.PublicationTestSupport.forSubject;
import static org.mastery.kit.PublicationTestSupport.idCounts;
import static org.mastery.kit.PublicationTestSupport.ids;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.publication.KafkaEventPublisher;
import org.mastery.kit.testapp.KitTestApplication;
import org.mastery.kit.testapp.KitTestApplication.IncrementCounter;
import org.mastery.kit.testapp.KitTestApplication.OpenCounter;
import org.mastery.testsupport.TestInfrastructure;
import org.mastery.testsupport.TopicProbe;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher's position is stored beside the log, so publication resumes where it stopped:
 * nothing is lost and nothing already acknowledged is sent again after a clean restart; after a
 * failure between Kafka's acknowledgement and the position update, the batch is sent again and
 * the duplicates are harmless to an idempotent consumer.
 */
class PublisherRecoveryTest {

    private static ConfigurableApplicationContext start(String suffix, Class<?>... extra) {
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = KitTestApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return new SpringApplicationBuilder(sources)
                .properties(TestInfrastructure.springProperties(suffix))
                .properties("server.port=0")
                .run();
    }

    @Test
    void aRestartedServiceResumesFromTheStoredPositionAndPublishesWhatWasStoredWhileItWasDown() {
        String suffix = "_resume" + System.nanoTime() % 100000;
        String student = "student-" + UUID.randomUUID();
        String counter = "counter-" + UUID.randomUUID();

        try (TopicProbe probe = new TopicProbe(KitTestApplication.TOPIC)) {
            try (ConfigurableApplicationContext before = start(suffix)) {
                CommandGateway commands = before.getBean(CommandGateway.class);
                commands.sendAndWait(new OpenCounter(counter, student));
                for (int i = 0; i < 30; i++) {
                    commands.sendAndWait(new IncrementCounter(counter));
                }
                probe.readUntil(seen -> ids(forSubject(seen, student)).size() == 30, Duration.ofSeconds(30));

                // the publisher stops (as if its process died); the service goes on storing events
                publisher(before).shutDown();
                for (int i = 0; i < 30; i++) {
                    commands.sendAndWait(new IncrementCounter(counter));
                }
            }
            assertThat(ids(forSubject(probe.readAll(Duration.ofSeconds(1)), student))).hasSize(30);

            try (ConfigurableApplicationContext after = start(suffix)) {
                probe.readUntil(seen -> ids(forSubject(seen, student)).size() == 60, Duration.ofSeconds(30));
                List<ConsumerRecord<String, byte[]>> all = probe.readAll(Duration.ofSeconds(2));
                Map<String, Long> counts = idCounts(forSubject(all, student));
                // nothing lost, and the first 30 were not sent again: the stored position was used
                assertThat(counts).hasSize(60);
                assertThat(counts.values()).allMatch(n -> n == 1L);
            }
        }
    }

    /**
     * Fails the publisher's position update a few times, after Kafka has acknowledged the batch: the
     * position is written in the batch's prepare-commit phase before the publisher awaits its sends,
     * so the simulated crash is added as a prepare-commit step of its own, which runs after that wait
     * and rolls the position back. Only a batch that reaches the last event of interest counts: the
     * processor also stores positions of batches without it (on start, when idle, or a first batch
     * holding only earlier events), and failing those would send nothing of interest again.
     */
    @Configuration
    static class PositionUpdateFailsAfterAcknowledgement {
        static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
        static final AtomicLong FAIL_FROM_POSITION = new AtomicLong(Long.MAX_VALUE);

        @Bean
        TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
            TokenStore jdbc = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build();
            return new ForwardingTokenStore(jdbc) {
                @Override
                public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
                    long position = token == null ? -1 : token.position().orElse(-1);
                    if (processorName.equals(KafkaEventPublisher.PROCESSING_GROUP) && position >= FAIL_FROM_POSITION.get()
                            && FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        CurrentUnitOfWork.get().onPrepareCommit(batch -> {
                            throw new IllegalStateException("simulated crash between the Kafka acknowledgement and the position update");
                        });
                    }
                    super.storeToken(token, processorName, segment);
                }
            };
        }
    }

    @Test
    void aFailureBetweenAcknowledgementAndPositionUpdateSendsDuplicatesThatConsumersIgnore() {
        String suffix = "_crash" + System.nanoTime() % 100000;
        String student = "student-" + UUID.randomUUID();
        String counter = "counter-" + UUID.randomUUID();

        try (ConfigurableApplicationContext context = start(suffix, PositionUpdateFailsAfterAcknowledgement.class);
             TopicProbe probe = new TopicProbe(KitTestApplication.TOPIC)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            commands.sendAndWait(new OpenCounter(counter, student));
            // the events are stored while the publisher is paused; it meets them when it resumes
            publisher(context).shutDown();
            for (int i = 0; i < 20; i++) {
                commands.sendAndWait(new IncrementCounter(counter));
            }
            PositionUpdateFailsAfterAcknowledgement.FAIL_FROM_POSITION.set(
                    context.getBean(EventStore.class).createHeadToken().position().orElseThrow());
            PositionUpdateFailsAfterAcknowledgement.FAILURES_LEFT.set(2);
            publisher(context).start();

            var records = probe.readUntil(seen -> ids(forSubject(seen, student)).size() == 20
                    && PositionUpdateFailsAfterAcknowledgement.FAILURES_LEFT.get() == 0, Duration.ofSeconds(60));
            records = probe.readAll(Duration.ofSeconds(2));
            List<ConsumerRecord<String, byte[]>> forStudent = records.stream().filter(r -> student.equals(r.key())).toList();
            assertThat(forStudent.size()).as("records, duplicates included").isGreaterThan(20);
            assertThat(ids(forSubject(records, student))).hasSize(20);

            IdempotentConsumer consumer = context.getBean(IdempotentConsumer.class);
            AtomicInteger applied = new AtomicInteger();
            for (ConsumerRecord<String, byte[]> record : forStudent) {
                consumer.apply("recovery-test", record, event -> applied.incrementAndGet());
            }
            assertThat(applied).hasValue(20);
        }
    }

    private static EventProcessor publisher(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP).orElseThrow();
    }
}
