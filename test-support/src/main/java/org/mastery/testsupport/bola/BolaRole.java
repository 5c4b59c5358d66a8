package org.mastery.testsupport.bola;

/** The six roles of SPEC §4, each played in the matrix by one viewer of side A of the world. */
public enum BolaRole {
    STUDENT, GUARDIAN, TEACHER, LEADER, AUDITOR, ADMIN;

    /** The expected answers for the viewer's own object and for another one. */
    public Expectation expects(Outcome own, Outcome other) {
        return new Expectation(this, own, other);
    }

    /** Roles that read everything: the leak check does not apply to them. */
    public boolean seesEverything() {
        return this == AUDITOR || this == ADMIN;
    }
}
