package org.mastery.kit.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consuming other services' streams: CloudEvents parsing, per-consumer dedupe on event id in the
 * service's MongoDB, and an error handler that retries with back-off and, for a record that still
 * cannot be applied, parks it on the service's dead-letter topic instead of dropping it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        "org.mastery.kit.publication.PublicationAutoConfiguration"})
@ConditionalOnBean(MongoTemplate.class)
public class InboundAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InboundAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public CloudEventReader cloudEventReader(ObjectMapper objectMapper) {
        return new CloudEventReader(objectMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProcessedEvents processedEvents(MongoTemplate mongo) {
        return new ProcessedEvents(mongo.getCollection(ProcessedEvents.COLLECTION));
    }

    @Bean
    @ConditionalOnMissingBean
    public IdempotentConsumer idempotentConsumer(CloudEventReader reader, ProcessedEvents processed,
                                                 ObjectProvider<MeterRegistry> meters) {
        return new IdempotentConsumer(reader, processed, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    public CommonErrorHandler inboundErrorHandler(KafkaProperties kafkaProperties,
                                                  @Value("${mastery.service.name:${spring.application.name}}") String service,
                                                  @Value("${mastery.inbound.max-attempts:8}") int maxAttempts) {
        String deadLetterTopic = service + ".deadletters.v1";
        Map<String, Object> props = new HashMap<>(kafkaProperties.buildProducerProperties(null));
        // a parked record keeps its key and value as consumed: String keys (the kit's consumers), byte[] values
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxAttempts(maxAttempts);
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(deadLetters,
                (record, e) -> {
                    log.error("Parking {}-{}@{} on {} after retries: {}", record.topic(), record.partition(),
                            record.offset(), deadLetterTopic, e.toString());
                    return new TopicPartition(deadLetterTopic, -1);
                }), backOff);
        // a malformed record cannot succeed on retry
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
