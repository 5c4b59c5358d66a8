package org.mastery.assessment.assessment.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An assessment: aligned to competencies, with equivalent forms and an answer key or a rubric.
 * Immutable once defined (a changed assessment is a new assessment), so attempts can rely on it.
 */
@Aggregate
public class Assessment {

    @AggregateIdentifier
    private String assessmentId;
    private boolean retired;

    protected Assessment() {
        // for Axon
    }

    @CommandHandler
    public Assessment(DefineAssessment command, Clock clock) {
        if (command.spec() == null) {
            throw new InvalidAssessmentException(List.of("an assessment needs a definition"));
        }
        if (!command.assessmentId().equals(command.spec().assessmentId())) {
            throw new IllegalArgumentException("the definition belongs to another assessment");
        }
        List<String> problems = AssessmentRules.problems(command.title(), command.spec());
        if (!problems.isEmpty()) {
            throw new InvalidAssessmentException(problems);
        }
        apply(new AssessmentDefined(command.assessmentId(), 1, command.title().strip(), command.spec(),
                command.authorId(), clock.instant()));
    }

    /** Retiring twice changes nothing. */
    @CommandHandler
    public void handle(RetireAssessment command, Clock clock) {
        if (retired) {
            return;
        }
        apply(new AssessmentRetired(assessmentId, command.retiredBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(AssessmentDefined event) {
        assessmentId = event.assessmentId();
    }

    @EventSourcingHandler
    void on(AssessmentRetired event) {
        retired = true;
    }
}
