package org.mastery.progression.journey.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
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
 * re-published or duplicated record under a new event id). Records come in Kafka's batches; a
 * student's evidence in a batch is recorded in one unit of work (see {@link #applyByJourney}).
 */
@Component
public class EvidenceListener {

    static final String CONSUMER = "journey-evidence";
    private static final Set<String> TYPES = Set.of(EvidenceRecorded.TYPE, EvidenceVoided.TYPE);

    private final IdempotentConsumer consumer;
    private final CatalogViews catalog;
    private final CommandGateway commands;
    private final ObjectMapper objectMapper;
    private final TransactionManager transactions;

    public EvidenceListener(IdempotentConsumer consumer, CatalogViews catalog, CommandGateway commands,
                            ObjectMapper objectMapper, TransactionManager transactions) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.commands = commands;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
    }

    @KafkaListener(id = "${mastery.kafka.group-prefix}.journey-evidence", topics = AssessmentTopics.EVIDENCE, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        consumer.applyAll(CONSUMER, records, TYPES, this::applyByJourney, this::apply);
    }

    /**
     * A batch's evidence, one unit of work and transaction per student: the commands run inside it, so
     * the journey is loaded once and the events of all of them are stored together, however many of
     * the student's records the batch carries (a unit test's scores arrive together). Any failure
     * rolls the student's unit of work back whole, and the consumer then applies the batch record by
     * record (the journey ignores evidence it has already counted).
     */
    void applyByJourney(List<InboundEvent> events) {
        Map<String, List<Runnable>> byStudent = new LinkedHashMap<>();
        for (InboundEvent event : events) {
            Object command = commandFor(event);
            String studentId = command instanceof RecordEvidence r ? r.studentId() : ((WithdrawEvidence) command).studentId();
            byStudent.computeIfAbsent(studentId, k -> new ArrayList<>())
                    .add(() -> IdempotentConsumer.inContextOf(event, () -> send(event, command)));
        }
        for (List<Runnable> journey : byStudent.values()) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                unitOfWork.attachTransaction(transactions);
            } catch (RuntimeException e) {
                unitOfWork.rollback(e); // no unit of work may stay current on the listener's thread
                throw e;
            }
            unitOfWork.execute(() -> journey.forEach(Runnable::run));
        }
    }

    public void apply(InboundEvent event) {
        send(event, commandFor(event));
    }

    /** The journey command an evidence event asks for: {@code RecordEvidence} or {@code WithdrawEvidence}. */
    private Object commandFor(InboundEvent event) {
        if (EvidenceRecorded.TYPE.equals(event.type())) {
            EvidenceRecorded e = event.dataAs(EvidenceRecorded.class, objectMapper);
            require(e.studentId() != null && e.competencyId() != null && e.evidenceId() != null, event);
            return new RecordEvidence(e.studentId(), e.evidenceId(), catalog.context(e.competencyId()),
                    e.score(), e.method(), e.assessmentType(), e.assessmentId(), e.observedAt(), e.supersedes());
        }
        if (EvidenceVoided.TYPE.equals(event.type())) {
            EvidenceVoided e = event.dataAs(EvidenceVoided.class, objectMapper);
            require(e.studentId() != null && e.competencyId() != null && e.evidenceId() != null, event);
            return new WithdrawEvidence(e.studentId(), e.evidenceId(), catalog.context(e.competencyId()), e.reasonCode());
        }
        throw new IllegalArgumentException("not an evidence event: " + event.type()); // the listener reads TYPES only
    }

    private void send(InboundEvent event, Object command) {
        try {
            commands.sendAndWait(command);
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
