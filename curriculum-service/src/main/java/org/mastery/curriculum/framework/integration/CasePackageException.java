package org.mastery.curriculum.framework.integration;

/** A CASE package is malformed; answered with 400 naming the offending JSON path. */
public class CasePackageException extends RuntimeException {

    private final String path;

    public CasePackageException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** Where in the package, e.g. {@code $.CFItems[12].fullStatement}. */
    public String path() {
        return path;
    }
}
