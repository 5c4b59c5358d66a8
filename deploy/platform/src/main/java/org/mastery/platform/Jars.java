package org.mastery.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies of the jars the platform runs, under {@code <data>/jars/}, so that rebuilding a module
 * never changes a jar under a running JVM. A copy is replaced by rename (a running JVM keeps the
 * file it opened) and only when the built jar differs (size or modification time).
 */
final class Jars {

    private final PlatformConfig config;
    private final Path directory;

    Jars(PlatformConfig config) {
        this.config = config;
        this.directory = config.jarDirectory();
    }

    /** The platform module's runtime libraries ({@code deploy/platform/target/lib}): Kafka, SLF4J, zonky. */
    synchronized Path libraries() {
        Path source = config.repository().resolve("deploy/platform/target/lib");
        Path target = directory.resolve("lib");
        if (!Files.isDirectory(source)) {
            if (Files.isDirectory(target)) {
                return target; // copied by deploy/mastery or an earlier run
            }
            throw new PlatformException("the platform's libraries are not built (" + source
                    + "); run ./mvnw -q -B -DskipTests install");
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                copyIfChanged(file, target.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The classpath of the Kafka broker JVM. */
    String libraryClasspath() {
        return jarsIn(libraries(), name -> true);
    }

    /** SLF4J and its simple binding, for the stand-in (whose jar carries neither). */
    String slf4jClasspath() {
        return jarsIn(libraries(), name -> name.startsWith("slf4j-api-") || name.startsWith("slf4j-simple-"));
    }

    private static String jarsIn(Path dir, java.util.function.Predicate<String> names) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> jars = files.filter(f -> f.toString().endsWith(".jar") && names.test(f.getFileName().toString()))
                    .map(Path::toString).sorted().toList();
            return jars.stream().collect(Collectors.joining(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runnable copy of a part's jar, refreshed from the build if that changed. */
    Path copy(Part part) {
        Path source = config.jar(part).orElseThrow(() -> new PlatformException(
                part.id() + " is not built: expected " + config.repository().resolve(part.expectedJar())
                        + "; run ./mvnw -q -B -DskipTests install (deploy/mastery up does it when something is missing)"));
        Path target = directory.resolve(part.id() + ".jar");
        copyIfChanged(source, target);
        return target;
    }

    /** Refreshes the copy before a relaunch, if the part's jar is (still) built. */
    void refresh(Part part) {
        config.jar(part).ifPresent(source -> copyIfChanged(source, directory.resolve(part.id() + ".jar")));
    }

    /**
     * How a Spring Boot part is run: its jar extracted by Spring Boot's {@code jarmode=tools} into
     * plain jars (no nested-jar class loading), with a dynamic class-data-sharing archive beside it.
     * The archive is written when that JVM first exits normally and used from the next start on;
     * both are keyed by the jar's size and time, so a rebuilt jar starts without them once.
     * Where extraction is impossible the copied jar is run as it is.
     */
    record SpringBootLaunch(Path jar, Optional<Path> archive) {

        /** Whether this start writes the archive at exit (none exists yet for this jar). */
        boolean createsArchive() {
            return archive.isPresent() && !Files.isRegularFile(archive.get());
        }

        /** Where the archive is written first; it becomes {@link #archive} only after a clean exit. */
        Path pendingArchive() {
            return archive.orElseThrow().resolveSibling(archive.orElseThrow().getFileName() + ".tmp");
        }

        /** The JVM options that use the archive, or write it at exit if there is none yet. */
        List<String> classDataSharingOptions() {
            if (archive.isEmpty()) {
                return List.of();
            }
            String option = createsArchive() ? "-XX:ArchiveClassesAtExit=" + pendingArchive() : "-XX:SharedArchiveFile=" + archive.get();
            return List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }

        /** Keeps an archive written by a clean exit; drops a half-written one. */
        void afterExit(boolean graceful) {
            if (archive.isEmpty()) {
                return;
            }
            try {
                Path pending = pendingArchive();
                if (graceful && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                    Files.move(pending, archive.get(), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(pending);
                }
            } catch (IOException e) {
                // no archive: the next start writes one
            }
        }
    }

    SpringBootLaunch springBoot(Part part, boolean classDataSharing) {
        Path copy = copy(part);
        if (!classDataSharing) {
            return new SpringBootLaunch(copy, Optional.empty());
        }
        try {
            String stamp = Long.toHexString(Files.size(copy)) + "-" + Long.toHexString(Files.getLastModifiedTime(copy).toMillis());
            Path extracted = directory.resolve("extracted");
            Path target = extracted.resolve(part.id() + "-" + stamp);
            Path jar = target.resolve(copy.getFileName());
            if (!Files.isRegularFile(jar)) {
                Path tmp = extracted.resolve(part.id() + "-" + stamp + ".tmp");
                Platform.deleteRecursively(tmp);
                Process extract = new ProcessBuilder(Launch.JAVA, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djarmode=tools",
                        "-jar", copy.toString(), "extract", "--destination", tmp.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!extract.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || extract.exitValue() != 0
                        || !Files.isRegularFile(tmp.resolve(copy.getFileName()))) {
                    extract.destroyForcibly();
                    Platform.deleteRecursively(tmp);
                    return new SpringBootLaunch(copy, Optional.empty());
                }
                Files.move(tmp, target);
                try (Stream<Path> old = Files.list(extracted)) {
                    for (Path dir : old.filter(d -> d.getFileName().toString().startsWith(part.id() + "-") && !d.equals(target)).toList()) {
                        Platform.deleteRecursively(dir);
                    }
                }
            }
            return new SpringBootLaunch(jar, Optional.of(target.resolve(part.id() + ".jsa")));
        } catch (IOException e) {
            return new SpringBootLaunch(copy, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SpringBootLaunch(copy, Optional.empty());
        }
    }

    static void copyIfChanged(Path source, Path target) {
        try {
            if (Files.exists(target) && Files.size(target) == Files.size(source)
                    && Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(source))) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target, e);
        }
    }
}
