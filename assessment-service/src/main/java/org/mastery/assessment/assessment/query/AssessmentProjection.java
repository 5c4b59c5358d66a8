package org.mastery.assessment.assessment.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.assessment.assessment.domain.AssessmentDefined;
import org.mastery.assessment.assessment.domain.AssessmentRetired;
import org.springframework.stereotype.Component;

/** Keeps {@link AssessmentView} documents; each handler writes the whole document, so replays are harmless. */
@Component
@ProcessingGroup("assessment-projection")
public class AssessmentProjection {

    private final AssessmentViews views;
    private final AssessmentDefinitions definitions;

    public AssessmentProjection(AssessmentViews views, AssessmentDefinitions definitions) {
        this.views = views;
        this.definitions = definitions;
    }

    @EventHandler
    void on(AssessmentDefined event) {
        views.save(AssessmentView.of(new AssessmentDefinition(event.assessmentId(), event.version(), event.title(), event.spec(),
                event.authorId(), event.definedAt(), null)));
    }

    @EventHandler
    void on(AssessmentRetired event) {
        definitions.find(event.assessmentId()).map(AssessmentView::of).ifPresent(views::save);
    }
}
