package org.mastery.reporting.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.kit.inbound.ProcessedEvents;
import org.mastery.reporting.audit.integration.ProgressionAuditClient;
import org.mastery.reporting.catalog.FrameworkCatalogProjection;
import org.mastery.reporting.people.integration.CurriculumPeopleClient;
import org.mastery.reporting.people.query.PeopleDirectory;
import org.mastery.reporting.projection.integration.ProjectionProgress;
import org.mastery.reporting.projection.integration.ProjectionRebuilder;
import org.mastery.reporting.projection.integration.ReportingEventsListener;
import org.mastery.reporting.projection.query.MongoReadModelStore;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ReadModelStore readModelStore(MongoTemplate mongo) {
        return new MongoReadModelStore(mongo.getDb());
    }

    @Bean
    public CurriculumPeopleClient curriculumPeopleClient(@Value("${mastery.services.curriculum-url:http://127.0.0.1:8081}") String url,
                                                         ObjectMapper objectMapper, ReportingProperties properties, Clock clock) {
        return new CurriculumPeopleClient(url, objectMapper, Duration.ofMillis(500), Duration.ofMillis(1500),
                properties.namesBackOff(), clock);
    }

    @Bean
    public PeopleDirectory peopleDirectory(ReadModelStore store, CurriculumPeopleClient client, ReportingProperties properties,
                                           Clock clock) {
        return new PeopleDirectory(store, client, properties.namesTtl(), properties.maxNameFetchesPerRequest(), clock);
    }

    @Bean
    public ReportingEventsListener.ErasureListeners erasureListeners(@Lazy PeopleDirectory people) {
        return people::forget;
    }

    /** Each student's access log, from every service's disclosure topic (not a rebuildable projection). */
    @Bean
    public org.mastery.reporting.accesslog.query.AccessLog accessLog(MongoTemplate mongo) {
        return new org.mastery.reporting.accesslog.query.AccessLog(mongo);
    }

    @Bean
    public ProjectionProgress projectionProgress() {
        return new ProjectionProgress();
    }

    @Bean
    public ProgressionAuditClient progressionAuditClient(@Value("${mastery.services.progression-url:http://127.0.0.1:8083}") String url,
                                                         ObjectMapper objectMapper) {
        return new ProgressionAuditClient(url, objectMapper, Duration.ofMillis(1000), Duration.ofSeconds(20));
    }

    @Bean
    public ProjectionRebuilder projectionRebuilder(Environment env, KafkaListenerEndpointRegistry registry, KafkaAdmin kafkaAdmin,
                                                   ProcessedEvents processed, ReadModelStore store, MongoTemplate mongo,
                                                   ReportingProperties properties) {
        List<ProjectionRebuilder.Projection> projections = List.of(
                new ProjectionRebuilder.Projection(env.resolveRequiredPlaceholders(ReportingEventsListener.LISTENER_ID),
                        ReportingEventsListener.CONSUMER, ReportingEventsListener.topics(), ReadModels.PROJECTIONS),
                new ProjectionRebuilder.Projection(env.resolveRequiredPlaceholders(FrameworkCatalogProjection.LISTENER_ID),
                        FrameworkCatalogProjection.CONSUMER, List.of(CurriculumTopics.FRAMEWORKS),
                        List.of(mongo.getCollectionName(org.mastery.reporting.catalog.FrameworkCatalogEntry.class))));
        return new ProjectionRebuilder(projections, registry, kafkaAdmin, processed, store, properties.rebuildTimeout());
    }
}
