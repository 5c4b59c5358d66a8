package org.mastery.testsupport.bola;

/**
 * The world has two sides. Every viewer belongs to side A; "own" objects are side A's (the student
 * themself, the guardian's child, the teacher's class, the leader's school, the teacher's draft), "other"
 * objects are side B's.
 */
public enum Side {
    OWN, OTHER
}
