package org.mastery.platform;

import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about launching processes on this machine. */
final class Launch {

    /** {@code setsid}, where there is one: puts a child in a session of its own (no terminal signals). */
    static final String SETSID = find("/usr/bin/setsid", "/bin/setsid");

    /** This JVM's {@code java}, used for every JVM the platform starts. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private Launch() {
    }

    private static String find(String... candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
