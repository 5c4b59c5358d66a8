package org.mastery.reporting.classroom.query;

/**
 * SPEC §3: students stuck on the same competency are grouped — one student is helped individually,
 * two or more as a small group, and when half the class or more is stuck the whole class is taught
 * again. A single student is always INDIVIDUAL (even in a class of one or two: one learner is not a group).
 */
public enum InterventionGrouping {
    INDIVIDUAL, SMALL_GROUP, WHOLE_CLASS;

    public static InterventionGrouping of(int stuck, int classSize) {
        if (stuck < 1) {
            throw new IllegalArgumentException("a group has at least one student");
        }
        if (stuck == 1) {
            return INDIVIDUAL;
        }
        if (2L * stuck >= Math.max(classSize, stuck)) {
            return WHOLE_CLASS;
        }
        return SMALL_GROUP;
    }
}
