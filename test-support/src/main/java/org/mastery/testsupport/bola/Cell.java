package org.mastery.testsupport.bola;

import java.util.Map;

/**
 * One request of the matrix: an endpoint called by a role on its own or another object, with the ids
 * of every kind resolved for that side (and for that cell, when the endpoint prepares fresh objects).
 */
public record Cell(BolaRole role, Side side, Map<String, String> ids) {

    public String id(String kind) {
        String id = ids.get(kind);
        if (id == null) {
            throw new IllegalStateException("no id of kind '" + kind + "' for " + role + " " + side + "; known: " + ids.keySet());
        }
        return id;
    }
}
