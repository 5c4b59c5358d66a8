package org.mastery.assessment.attempt.web;

import java.util.List;
import org.mastery.assessment.attempt.domain.RetakeLockedException;
import org.mastery.assessment.attempt.query.AssignedPractice;

/** A refused retake, with the practice progression has assigned to the student (answered 409). */
public class RetakeRefusedException extends RuntimeException {

    private final RetakeLockedException refusal;
    private final List<AssignedPractice.Practice> assignedPractice;

    public RetakeRefusedException(RetakeLockedException refusal, List<AssignedPractice.Practice> assignedPractice) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
        this.assignedPractice = List.copyOf(assignedPractice);
    }

    public RetakeLockedException refusal() {
        return refusal;
    }

    public List<AssignedPractice.Practice> assignedPractice() {
        return assignedPractice;
    }
}
