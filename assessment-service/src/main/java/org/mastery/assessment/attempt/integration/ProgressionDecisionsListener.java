package org.mastery.assessment.attempt.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.mastery.assessment.attempt.domain.AttemptIds;
import org.mastery.assessment.attempt.domain.UnlockRetake;
import org.mastery.assessment.attempt.query.AssignedPractice;
import org.mastery.contracts.progression.InterventionRecommended;
import org.mastery.contracts.progression.InterventionResolved;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.contracts.progression.ReassessmentUnlocked;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Progression's decisions that concern retakes: {@code ReassessmentUnlocked} credits completed
 * practice to the student's attempts on the assessment; intervention recommendations are kept to
 * tell a student what practice unlocks a refused retake. Each event is applied once (and the
 * aggregate ignores an unlock that credits nothing new).
 */
@Component
public class ProgressionDecisionsListener {

    static final String CONSUMER = "progression-decisions";
    /** Most decisions (levels, mastery, unlocks, credit) do not concern assessments: they are passed over. */
    static final Set<String> TYPES = Set.of(ReassessmentUnlocked.TYPE, InterventionRecommended.TYPE, InterventionResolved.TYPE);
    private static final Logger log = LoggerFactory.getLogger(ProgressionDecisionsListener.class);

    private final IdempotentConsumer consumer;
    private final CommandGateway commands;
    private final AssignedPractice practice;
    private final ObjectMapper objectMapper;

    public ProgressionDecisionsListener(IdempotentConsumer consumer, CommandGateway commands, AssignedPractice practice,
                                        ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.commands = commands;
        this.practice = practice;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = "${mastery.kafka.group-prefix}.progression-decisions", topics = ProgressionTopics.DECISIONS)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.apply(CONSUMER, record, TYPES, this::apply);
    }

    void apply(InboundEvent event) {
        switch (event.type()) {
            case ReassessmentUnlocked.TYPE -> unlock(event.dataAs(ReassessmentUnlocked.class, objectMapper));
            case InterventionRecommended.TYPE -> {
                InterventionRecommended recommended = event.dataAs(InterventionRecommended.class, objectMapper);
                practice.recommend(recommended.studentId(), recommended.interventionId(), recommended.competencyId(),
                        recommended.reason());
            }
            case InterventionResolved.TYPE -> {
                InterventionResolved resolved = event.dataAs(InterventionResolved.class, objectMapper);
                practice.resolve(resolved.studentId(), resolved.interventionId());
            }
            default -> {
                // not in TYPES
            }
        }
    }

    private void unlock(ReassessmentUnlocked unlocked) {
        String seriesId = AttemptIds.seriesId(unlocked.studentId(), unlocked.assessmentId());
        try {
            boolean credited = commands.sendAndWait(new UnlockRetake(seriesId, unlocked.competencyId(), unlocked.reason()));
            log.info("Reassessment of {} for {} on {}: {}", unlocked.assessmentId(), unlocked.studentId(),
                    unlocked.competencyId(), credited ? "practice credited" : "nothing to unlock");
        } catch (AggregateNotFoundException e) {
            log.info("Reassessment unlocked for {} on {}, who has no attempts on it here; nothing to unlock",
                    unlocked.studentId(), unlocked.assessmentId());
        }
    }
}
