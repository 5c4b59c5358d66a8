package org.mastery.kit.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.mastery.kit.eventstore.AxonPostgresAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The event store as the outbox: a streaming processor reads the service's own event log and
 * publishes its contract events to Kafka. Active when the service declares an
 * {@link EventPublicationMapper}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@ConditionalOnBean(EventPublicationMapper.class)
public class PublicationAutoConfiguration {

    @Bean
    public CloudEventWriter cloudEventWriter(ObjectMapper objectMapper,
                                             @Value("${mastery.service.name:${spring.application.name}}") String service) {
        return new CloudEventWriter(objectMapper, "/mastery/" + service);
    }

    /** An idempotent producer that waits for all in-sync replicas: no loss, no reordering on retry. */
    @Bean
    public KafkaTemplate<String, byte[]> cloudEventKafkaTemplate(KafkaProperties kafkaProperties,
                                                                 @Value("${mastery.publication.delivery-timeout:20s}") Duration deliveryTimeout) {
        Map<String, Object> props = new HashMap<>(kafkaProperties.buildProducerProperties(null));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // well below Axon's 30 s interruption of a slow event handler
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis() / 2, 10_000));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis() / 2, 10_000));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "mastery-publisher");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(List<EventPublicationMapper> mappers, CloudEventWriter writer,
                                                   KafkaTemplate<String, byte[]> cloudEventKafkaTemplate,
                                                   @Value("${mastery.publication.delivery-timeout:20s}") Duration deliveryTimeout,
                                                   ObjectProvider<MeterRegistry> meters) {
        return new KafkaEventPublisher(mappers, writer, cloudEventKafkaTemplate, deliveryTimeout.plusSeconds(2),
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    /**
     * One segment keeps the whole log in order; batches pipeline the sends. Errors propagate, so a
     * failed send stops the processor at its stored position instead of being logged and skipped.
     * A new publisher starts at the beginning of the log: everything ever stored is published.
     */
    @Bean
    public ConfigurerModule kafkaPublisherProcessor(@Value("${mastery.publication.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(
                        KafkaEventPublisher.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        config -> AxonPostgresAutoConfiguration.singleSegment(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    /** The topics this service writes (it is their only writer). */
    @Bean
    public KafkaAdmin.NewTopics publishedTopics(@Value("${mastery.publication.topics:}") List<String> topics,
                                                @Value("${mastery.publication.partitions:3}") int partitions,
                                                @Value("${mastery.publication.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(topics.stream()
                .filter(t -> !t.isBlank())
                .map(t -> TopicBuilder.name(t.trim()).partitions(partitions).replicas(replicationFactor).build())
                .toArray(NewTopic[]::new));
    }
}
