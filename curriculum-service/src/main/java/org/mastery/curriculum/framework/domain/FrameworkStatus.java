package org.mastery.curriculum.framework.domain;

/** Where a framework stands after a command: its current version and that version's status. */
public record FrameworkStatus(String frameworkId, int version, String status) {
}
