package org.mastery.curriculum.framework.domain;

/** One level of a proficiency scale, e.g. 3 "Proficient". */
public record Level(int value, String label, String descriptor) {
}
