package org.mastery.reporting.student.query;

/** Mastery states and phases in words a parent understands. */
public final class PlainLanguage {

    private PlainLanguage() {
    }

    public static String status(String state) {
        return switch (state == null ? "NOT_STARTED" : state) {
            case "MASTERED" -> "Mastered";
            case "IN_PROGRESS" -> "Making progress";
            case "NEEDS_REVIEW" -> "Needs a refresh";
            case "INSUFFICIENT_EVIDENCE" -> "Just started";
            default -> "Not started yet";
        };
    }

    public static String meaning(String state, String phaseLabel) {
        return switch (state == null ? "NOT_STARTED" : state) {
            case "MASTERED" -> "Has shown, more than once, that they can do this on their own.";
            case "IN_PROGRESS" -> "Is learning this" + (phaseLabel != null ? " and is at the \"" + phaseLabel + "\" stage" : "")
                    + "; has not yet shown mastery.";
            case "NEEDS_REVIEW" -> "Had mastered this, but a recent test showed it needs practice again.";
            case "INSUFFICIENT_EVIDENCE" -> "Has begun; the teacher needs to see more work before saying how it is going.";
            default -> "Has not worked on this yet.";
        };
    }

    public static String headline(int mastered, int total, int needsHelp) {
        String base = total == 0 ? "No skills to show yet." : "Has mastered " + mastered + " of " + total + " skill" + (total == 1 ? "" : "s") + " so far.";
        if (needsHelp > 0) {
            base += " The teacher is giving extra help on " + needsHelp + " skill" + (needsHelp == 1 ? "" : "s") + ".";
        }
        return base;
    }
}
