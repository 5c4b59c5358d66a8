package org.mastery.curriculum.roster.integration.oneroster;

/** A OneRoster bundle is malformed; answered with 400 naming the file and line. Nothing of the import is stored. */
public class OneRosterImportException extends RuntimeException {

    private final String file;
    private final int line;

    public OneRosterImportException(String file, int line, String message) {
        super((file == null ? "" : file + (line > 0 ? " line " + line : "") + ": ") + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line in the file (the header is line 1); 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
