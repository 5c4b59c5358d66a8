package org.mastery.curriculum.framework.domain;

/** A teacher tried to change or publish a framework someone else owns; 403. */
public class NotFrameworkOwnerException extends RuntimeException {

    public NotFrameworkOwnerException(String frameworkId) {
        super("Only the framework's author or an administrator may change framework " + frameworkId);
    }
}
