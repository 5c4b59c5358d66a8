package org.mastery.access;

/** The roles a token can carry (its {@code roles} claim). */
public enum Role {
    STUDENT, GUARDIAN, TEACHER, LEADER, AUDITOR, ADMIN
}
