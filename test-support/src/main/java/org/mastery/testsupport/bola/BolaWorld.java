package org.mastery.testsupport.bola;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mastery.testsupport.TestIdentity;

/**
 * The fixture the matrix runs in: one viewer per role, all on side A (student A, a guardian of student A,
 * a teacher of student A's class, a leader of student A's school or district, an auditor, an
 * administrator), and objects of every kind on both sides (kind → own id, other id). Objects that exist
 * once (a competency both sides use) are {@link #shared}. {@link #secret} ids are side B's personal
 * records: no answer to a viewer who does not see everything may ever contain one (lists filter, counts
 * included).
 */
public final class BolaWorld {

    private final Map<BolaRole, String> viewers = new EnumMap<>(BolaRole.class);
    private final Map<String, String[]> objects = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    public BolaWorld viewer(BolaRole role, String subject) {
        viewers.put(role, Objects.requireNonNull(subject));
        return this;
    }

    /** An object kind with side A's and side B's instance, e.g. {@code object("student", "stu-a", "stu-b")}. */
    public BolaWorld object(String kind, String own, String other) {
        objects.put(kind, new String[] {Objects.requireNonNull(own), Objects.requireNonNull(other)});
        return this;
    }

    /** An object kind with one instance used on both sides. */
    public BolaWorld shared(String kind, String id) {
        return object(kind, id, id);
    }

    public BolaWorld secret(String... ids) {
        secrets.addAll(Set.of(ids));
        return this;
    }

    public String subject(BolaRole role) {
        String subject = viewers.get(role);
        if (subject == null) {
            throw new IllegalStateException("the world has no viewer for " + role);
        }
        return subject;
    }

    public String token(BolaRole role) {
        return TestIdentity.token(subject(role), role.name());
    }

    public boolean has(String kind) {
        return objects.containsKey(kind);
    }

    public String id(String kind, Side side) {
        String[] ids = objects.get(kind);
        if (ids == null) {
            throw new IllegalStateException("the world has no objects of kind '" + kind + "'");
        }
        return side == Side.OWN ? ids[0] : ids[1];
    }

    public Map<String, String> ids(Side side) {
        Map<String, String> ids = new LinkedHashMap<>();
        objects.forEach((kind, pair) -> ids.put(kind, side == Side.OWN ? pair[0] : pair[1]));
        return ids;
    }

    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }
}
