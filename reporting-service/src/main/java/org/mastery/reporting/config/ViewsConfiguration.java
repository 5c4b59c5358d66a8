package org.mastery.reporting.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mastery.reporting.audit.integration.ProgressionAuditClient;
import org.mastery.reporting.audit.query.AuditReports;
import org.mastery.reporting.classroom.query.ClassMapAssembler;
import org.mastery.reporting.leader.query.LeaderRollups;
import org.mastery.reporting.leader.query.Suppression;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.student.query.ClrCredentialWriter;
import org.mastery.reporting.student.query.CredentialProofs;
import org.mastery.reporting.student.query.GradeTranslation;
import org.mastery.reporting.student.query.GuardianAssembler;
import org.mastery.reporting.student.query.TrackerAssembler;
import org.mastery.reporting.student.query.TranscriptAssembler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assemblers that turn read models into the views each role reads. */
@Configuration
public class ViewsConfiguration {

    @Bean
    public Catalog catalog(ReadModelStore store) {
        return new Catalog(store);
    }

    @Bean
    public TrackerAssembler trackerAssembler(Catalog catalog) {
        return new TrackerAssembler(catalog);
    }

    @Bean
    public GuardianAssembler guardianAssembler(Catalog catalog, TrackerAssembler trackers) {
        return new GuardianAssembler(catalog, trackers);
    }

    @Bean
    public TranscriptAssembler transcriptAssembler(Catalog catalog, ReportingProperties properties, Clock clock) {
        return new TranscriptAssembler(catalog, new GradeTranslation(properties.transcript().gradeBands()),
                properties.transcript().partialCredit(), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    public CredentialProofs credentialProofs() {
        return CredentialProofs.unsigned();
    }

    @Bean
    public ClrCredentialWriter clrCredentialWriter(ObjectMapper objectMapper, ReportingProperties properties, CredentialProofs proofs) {
        return new ClrCredentialWriter(objectMapper, properties.transcript().issuerId(), properties.transcript().issuerName(), proofs);
    }

    @Bean
    public ClassMapAssembler classMapAssembler(Catalog catalog) {
        return new ClassMapAssembler(catalog);
    }

    @Bean
    public LeaderRollups leaderRollups(Catalog catalog, ReportingProperties properties) {
        return new LeaderRollups(catalog, new Suppression(properties.suppressionThreshold()), properties.pace());
    }

    @Bean
    public AuditReports auditReports(ProgressionAuditClient progression, ReadModelStore store, CommandGateway commands,
                                     EventStore eventStore, ObjectMapper objectMapper, Clock clock) {
        return new AuditReports(progression, store, commands, eventStore, objectMapper, clock);
    }
}
