package org.mastery.curriculum.roster.domain;

import java.util.regex.Pattern;

/** Small checks shared by the roster aggregates. */
final class Fields {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    private Fields() {
    }

    static String required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidRosterException(name + " must not be blank");
        }
        return optional(value, name, max);
    }

    static String optional(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidRosterException(name + " must be at most " + max + " characters");
        }
        return v;
    }

    static String code(String value, String name) {
        String v = required(value, name, 30).toUpperCase();
        if (!CODE.matcher(v).matches()) {
            throw new InvalidRosterException(name + " must be an upper-case code such as PARENT (got '" + value + "')");
        }
        return v;
    }
}
