package org.mastery.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The person behind a request: their id (the token's subject) and roles. */
public record Viewer(String id, Set<Role> roles) {

    public Viewer {
        Objects.requireNonNull(id, "id");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Viewer of(String id, Collection<String> roleNames) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            String plain = name.startsWith("ROLE_") ? name.substring(5) : name;
            for (Role role : Role.values()) {
                if (role.name().equals(plain)) {
                    roles.add(role);
                }
            }
        }
        return new Viewer(id, roles);
    }

    public static Viewer of(String id, Role... roles) {
        return new Viewer(id, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
