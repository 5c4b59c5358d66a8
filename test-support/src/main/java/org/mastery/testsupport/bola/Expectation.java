package org.mastery.testsupport.bola;

/** One row of an endpoint's table: what a role gets for its own object and for another one. */
public record Expectation(BolaRole role, Outcome own, Outcome other) {

    public Outcome on(Side side) {
        return side == Side.OWN ? own : other;
    }
}
