package org.mastery.progression.journey.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.assessment.EvidenceVoided;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.kit.inbound.MalformedEventException;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.InvalidJourneyCommandException;
import org.mastery.progression.journey.domain.RecordEvidence;
import org.mastery.progression.journey.domain.WithdrawEvidence;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Evidence from assessment into the students' journeys. Idempotent twice over: the consumer skips an
 * event id it has applied, and the journey ignores an evidence id it has already counted (a
 * re-published or duplicated record under a new event id).
 */
@Component
public class EvidenceListener {

    static final String CONSUMER = "journey-evidence";

    private final IdempotentConsumer consumer;
    private final CatalogViews catalog;
    private final CommandGateway commands;
    private final ObjectMapper objectMapper;

    public EvidenceListener(IdempotentConsumer consumer, CatalogViews catalog, CommandGateway commands,
                            ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.commands = commands;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = "${mastery.kafka.group-prefix}.journey-evidence", topics = AssessmentTopics.EVIDENCE)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    public void apply(InboundEvent event) {
        try {
            if (EvidenceRecorded.TYPE.equals(event.type())) {
                EvidenceRecorded e = event.dataAs(EvidenceRecorded.class, objectMapper);
                require(e.studentId() != null && e.competencyId() != null && e.evidenceId() != null, event);
                commands.sendAndWait(new RecordEvidence(e.studentId(), e.evidenceId(), catalog.context(e.competencyId()),
                        e.score(), e.method(), e.assessmentType(), e.assessmentId(), e.observedAt(), e.supersedes()));
            } else if (EvidenceVoided.TYPE.equals(event.type())) {
                EvidenceVoided e = event.dataAs(EvidenceVoided.class, objectMapper);
                require(e.studentId() != null && e.competencyId() != null && e.evidenceId() != null, event);
                commands.sendAndWait(new WithdrawEvidence(e.studentId(), e.evidenceId(), catalog.context(e.competencyId()),
                        e.reasonCode()));
            }
        } catch (AggregateNotFoundException e) {
            // a void for a student with no journey: nothing counted, nothing to withdraw
        } catch (InvalidJourneyCommandException e) {
            throw new MalformedEventException("event " + event.id() + " is not usable evidence: " + e.getMessage(), e);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof InvalidJourneyCommandException invalid) {
                throw new MalformedEventException("event " + event.id() + " is not usable evidence: " + invalid.getMessage(), e);
            }
            throw e;
        }
    }

    private static void require(boolean ok, InboundEvent event) {
        if (!ok) {
            throw new MalformedEventException("event " + event.id() + " lacks a student, competency or evidence id");
        }
    }
}
