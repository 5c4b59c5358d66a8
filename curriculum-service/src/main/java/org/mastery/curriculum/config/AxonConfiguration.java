package org.mastery.curriculum.config;

import org.axonframework.config.ConfigurerModule;
import org.mastery.curriculum.directory.query.DirectoryProjection;
import org.mastery.kit.eventstore.AxonPostgresAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Processors that differ from the kit's defaults (tracking, one segment, errors stop the processor). */
@Configuration
public class AxonConfiguration {

    /**
     * The directory is kept by a subscribing processor: its handlers run inside the unit of work that
     * stores the events, in the same database transaction, so the directory is never behind the log
     * and a failure rolls the command back.
     */
    @Bean
    public ConfigurerModule directoryProcessor() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor(DirectoryProjection.GROUP));
    }

    /**
     * The framework view writes each framework document once per batch (see FrameworkProjection), so
     * larger batches make big imports cheaper to project; small changes are not delayed by it.
     */
    @Bean
    public ConfigurerModule frameworkProjectionBatches(@Value("${mastery.curriculum.framework-projection.batch-size:500}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTrackingEventProcessorConfiguration(
                "framework-projection", config -> AxonPostgresAutoConfiguration.singleSegment(batchSize)));
    }
}
