package org.mastery.access;

/**
 * "No such student/class/school": thrown alike for an id that does not exist and for one the viewer
 * may not see, so that both answers are identical (404) and ids cannot be probed.
 */
public class NoSuchObjectException extends RuntimeException {

    private final String kind;
    private final String id;

    public NoSuchObjectException(String kind, String id) {
        super("No " + kind + " with id " + id);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
