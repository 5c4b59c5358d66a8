package org.mastery.curriculum.framework.domain;

/** Who asks for a change: administrators may change any framework, teachers only their own. */
public record Actor(String id, boolean admin) {

    public static Actor admin(String id) {
        return new Actor(id, true);
    }

    public static Actor teacher(String id) {
        return new Actor(id, false);
    }
}
