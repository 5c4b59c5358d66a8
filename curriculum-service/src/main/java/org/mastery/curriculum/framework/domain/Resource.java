package org.mastery.curriculum.framework.domain;

/** A learning resource of a progression phase. {@code kind}: VIDEO, PRACTICE, READING, … */
public record Resource(String title, String uri, String kind) {
}
