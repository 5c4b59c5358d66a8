package org.mastery.access.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mastery.access.AccessGuard;
import org.mastery.access.MongoRosterFacts;
import org.mastery.access.RosterAccessProjection;
import org.mastery.access.RosterFacts;
import org.mastery.access.StudentAccessPolicy;
import org.mastery.contracts.roster.RosterEventType;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Object-level authorization for a service: roster facts in its MongoDB, fed from the roster
 * streams, the policy and guard, {@code Viewer} controller parameters, and problem answers for refusals.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        "org.mastery.kit.inbound.InboundAutoConfiguration"})
@Import(AccessProblemAdvice.class)
public class StudentAccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MongoRosterFacts mongoRosterFacts(MongoTemplate mongo) {
        return new MongoRosterFacts(mongo.getDb());
    }

    @Bean
    @ConditionalOnMissingBean
    public RosterAccessProjection rosterAccessProjection(MongoRosterFacts facts) {
        return new RosterAccessProjection(facts);
    }

    @Bean
    @ConditionalOnMissingBean
    public StudentAccessPolicy studentAccessPolicy(RosterFacts facts) {
        return new StudentAccessPolicy(facts);
    }

    @Bean
    @ConditionalOnMissingBean
    public AccessGuard accessGuard(StudentAccessPolicy policy) {
        return new AccessGuard(policy);
    }

    @Bean
    public WebMvcConfigurer viewerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ViewerArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "mastery.access.roster-listener.enabled", havingValue = "true", matchIfMissing = true)
    public RosterAccessListener rosterAccessListener(IdempotentConsumer consumer, RosterAccessProjection projection,
                                                     ObjectMapper objectMapper) {
        return new RosterAccessListener(consumer, projection, objectMapper);
    }

    /** Applies the roster streams to this service's access facts, each event once. */
    public static class RosterAccessListener {

        static final String CONSUMER = "roster-access";

        private final IdempotentConsumer consumer;
        private final RosterAccessProjection projection;
        private final ObjectMapper objectMapper;

        RosterAccessListener(IdempotentConsumer consumer, RosterAccessProjection projection, ObjectMapper objectMapper) {
            this.consumer = consumer;
            this.projection = projection;
            this.objectMapper = objectMapper;
        }

        @KafkaListener(id = "${mastery.kafka.group-prefix}.roster-access",
                topics = {RosterTopics.ORGANIZATIONS, RosterTopics.CLASSES, RosterTopics.ENROLLMENTS})
        public void on(ConsumerRecord<String, byte[]> record) {
            consumer.apply(CONSUMER, record, event -> RosterEventType.ofType(event.type())
                    .ifPresent(type -> projection.apply(event.dataAs(type.dataClass(), objectMapper))));
        }
    }
}
