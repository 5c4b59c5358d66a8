package org.mastery.progression.catalog.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CompetencyRetired;
import org.mastery.contracts.curriculum.CompetencyRevised;
import org.mastery.contracts.curriculum.CourseDefined;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.CourseRevised;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.CompetencyContext;
import org.mastery.progression.journey.domain.CourseRequirement;
import org.mastery.progression.journey.domain.EvaluateCourseCredit;
import org.mastery.progression.journey.domain.ReevaluateCompetency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the local curriculum views from curriculum's streams and, when a competency's definition or a
 * course changes, re-evaluates the students it concerns going forward: those with evidence on the
 * competency (a new policy version), on its prerequisites (it may now be unlocked) or on the course's
 * competencies (its credit may now be earned). Past decisions are never rewritten.
 */
@Component
public class CurriculumListener {

    static final String CONSUMER = "journey-curriculum";
    private static final Logger log = LoggerFactory.getLogger(CurriculumListener.class);

    private final IdempotentConsumer consumer;
    private final CatalogViews catalog;
    private final CommandGateway commands;
    private final ObjectMapper objectMapper;

    public CurriculumListener(IdempotentConsumer consumer, CatalogViews catalog, CommandGateway commands,
                              ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.commands = commands;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = "${mastery.kafka.group-prefix}.journey-curriculum",
            topics = {CurriculumTopics.FRAMEWORKS, CurriculumTopics.COURSES})
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    public void apply(InboundEvent event) {
        switch (event.type()) {
            case CompetencyDefined.TYPE -> competency(event.dataAs(CompetencyDefined.class, objectMapper).competency());
            case CompetencyRevised.TYPE -> competency(event.dataAs(CompetencyRevised.class, objectMapper).competency());
            case CompetencyRetired.TYPE -> {
                CompetencyRetired retired = event.dataAs(CompetencyRetired.class, objectMapper);
                catalog.retire(retired.competencyId(), retired.competencyVersion());
            }
            case CourseDefined.TYPE -> course(event.dataAs(CourseDefined.class, objectMapper).course());
            case CourseRevised.TYPE -> course(event.dataAs(CourseRevised.class, objectMapper).course());
            default -> {
                // frameworks as such change no journey
            }
        }
    }

    void competency(CompetencyDefinition definition) {
        Optional<CatalogViews.CompetencyEntry> previous = catalog.applyDefinition(definition);
        if (previous == null) {
            return; // already known at this or a later version
        }
        Set<String> students = new LinkedHashSet<>(catalog.studentsOf(definition.competencyId()));
        if (definition.prerequisiteIds() != null) {
            students.addAll(catalog.studentsOfAny(definition.prerequisiteIds()));
        }
        CompetencyContext context = catalog.context(definition.competencyId());
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (String student : students) {
            sent.add(commands.send(new ReevaluateCompetency(student, context)));
        }
        await(sent, "re-evaluating " + definition.competencyId());
    }

    void course(CourseDefinition course) {
        if (!catalog.applyCourse(course)) {
            return;
        }
        CourseRequirement requirement = catalog.course(course.courseId()).orElseThrow();
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (String student : catalog.studentsOfAny(requirement.competencyIds())) {
            sent.add(commands.send(new EvaluateCourseCredit(student, requirement)));
        }
        await(sent, "checking credit of " + course.courseId());
    }

    private static void await(List<CompletableFuture<Object>> sent, String what) {
        for (CompletableFuture<Object> future : sent) {
            try {
                future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof AggregateNotFoundException) {
                    continue; // no journey yet: nothing to re-evaluate
                }
                log.warn("Failed {}: {}", what, e.getCause().toString());
                throw e;
            }
        }
    }
}
