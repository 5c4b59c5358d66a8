package org.mastery.access.spring;

import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.mastery.access.disclosure.DisclosureInterceptor;
import org.mastery.access.disclosure.DisclosurePublicationMapper;
import org.mastery.access.disclosure.DisclosureRecorder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The FERPA disclosure log of a service: {@code @DisclosesStudentRecord} handlers record each
 * disclosure in the service's event store, and the kit's publisher sends them to
 * {@code <service>.disclosures.v1}. Declared before the kit's publication so that its mapper also
 * switches publication on in a service that publishes nothing else (reporting).
 */
@AutoConfiguration(beforeName = "org.mastery.kit.publication.PublicationAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "mastery.access.disclosures.enabled", havingValue = "true", matchIfMissing = true)
public class DisclosureAutoConfiguration {

    @Bean
    public DisclosureRecorder disclosureRecorder(ObjectProvider<EventGateway> events, ObjectProvider<Clock> clock,
                                                 @Value("${mastery.service.name}") String service) {
        return new DisclosureRecorder(events::getObject, service, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public DisclosureInterceptor disclosureInterceptor(DisclosureRecorder recorder) {
        return new DisclosureInterceptor(recorder);
    }

    @Bean
    public WebMvcConfigurer disclosureInterceptorConfigurer(DisclosureInterceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor);
            }
        };
    }

    @Bean
    public DisclosurePublicationMapper disclosurePublicationMapper(@Value("${mastery.service.name}") String service) {
        return new DisclosurePublicationMapper(service);
    }

    /** The service's disclosure topic (it is its only writer). */
    @Bean
    public KafkaAdmin.NewTopics disclosureTopic(DisclosurePublicationMapper mapper,
                                                @Value("${mastery.publication.partitions:3}") int partitions,
                                                @Value("${mastery.publication.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(new NewTopic[] {
                TopicBuilder.name(mapper.topic()).partitions(partitions).replicas(replicationFactor).build()});
    }
}
