package org.mastery.assessment.assessment.domain;


/** A competency the assessment gives evidence on, with the scale it had when the assessment was defined. */
public record AlignedCompetency(String competencyId, String code, Scale scale) {
}
