package org.mastery.identity.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the demo accounts are in the demo district: {@code demo-teacher=tch-…} lines in
 * {@code demo-subjects.properties} beside the signing key, written by the demo district loader once it
 * has created the district (ids are the roster's, so only known after the import). A person signing in
 * as {@code demo-teacher} then gets a token whose {@code sub} is that teacher's id, and sees their classes.
 * Read again whenever the file changes; absent, empty or unreadable means no mapping (the configured
 * subjects stand). Values must be valid subjects (letters, digits and {@code . _ : @ -}).
 */
public class DemoSubjects {

    private static final Logger log = LoggerFactory.getLogger(DemoSubjects.class);
    static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final Path file;
    private FileTime loadedStamp;
    private Map<String, String> subjects = Map.of();

    public DemoSubjects(Path file) {
        this.file = file;
    }

    /** The file beside the signing key. */
    public static DemoSubjects besideKey(Path keyFile) {
        return new DemoSubjects(keyFile.toAbsolutePath().resolveSibling("demo-subjects.properties"));
    }

    public Path file() {
        return file;
    }

    /** The subject the demo district gave this account, if any. */
    public synchronized Optional<String> subjectOf(String username) {
        reloadIfChanged();
        return Optional.ofNullable(subjects.get(username));
    }

    private void reloadIfChanged() {
        FileTime stamp;
        try {
            stamp = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            stamp = null;
        }
        if (stamp == null) {
            subjects = Map.of();
            loadedStamp = null;
            return;
        }
        if (stamp.equals(loadedStamp)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Could not read the demo accounts' subjects from {}: {}", file, e.toString());
            subjects = Map.of();
            loadedStamp = stamp;
            return;
        }
        Map<String, String> read = new HashMap<>();
        for (String account : properties.stringPropertyNames()) {
            String subject = properties.getProperty(account).strip();
            if (SUBJECT.matcher(subject).matches()) {
                read.put(account.strip(), subject);
            } else {
                log.warn("Ignoring the demo subject of {} in {}: not a valid subject", account, file);
            }
        }
        subjects = Map.copyOf(read);
        loadedStamp = stamp;
        log.info("Demo accounts mapped to the demo district's people: {}", subjects);
    }
}
