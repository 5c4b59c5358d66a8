package org.mastery.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parts of the local platform, in start order, with their fixed ports (before any offset)
 * and where their jars are built.
 */
public enum Part {
    POSTGRES("postgres", 15432, Kind.INFRASTRUCTURE, null, null, "postgresql"),
    KAFKA("kafka", 19092, Kind.INFRASTRUCTURE, null, null),
    MONGO("mongo", 27117, Kind.INFRASTRUCTURE, "deploy/mongo-standin", null, "mongodb", "mongo-standin"),
    IDENTITY("identity", 9000, Kind.IDENTITY, "deploy/dev-identity-provider", "dev-identity-provider.jar", "dev-identity-provider", "idp"),
    CURRICULUM("curriculum", 8081, Kind.SERVICE, "curriculum-service", "curriculum-service.jar", "curriculum-service"),
    ASSESSMENT("assessment", 8082, Kind.SERVICE, "assessment-service", "assessment-service.jar", "assessment-service"),
    PROGRESSION("progression", 8083, Kind.SERVICE, "progression-service", "progression-service.jar", "progression-service"),
    REPORTING("reporting", 8084, Kind.SERVICE, "reporting-service", "reporting-service.jar", "reporting-service"),
    GATEWAY("gateway", 8080, Kind.GATEWAY, "gateway", "gateway.jar");

    /** What a part is, which decides when it starts: infrastructure, then identity and services together, then the gateway. */
    public enum Kind { INFRASTRUCTURE, IDENTITY, SERVICE, GATEWAY }

    /** Kafka's controller listener: the broker port plus one. */
    public static final int KAFKA_CONTROLLER_PORT = 19093;

    private final String id;
    private final int basePort;
    private final Kind kind;
    private final String module;
    private final String jarName;
    private final String[] aliases;

    Part(String id, int basePort, Kind kind, String module, String jarName, String... aliases) {
        this.id = id;
        this.basePort = basePort;
        this.kind = kind;
        this.module = module;
        this.jarName = jarName;
        this.aliases = aliases;
    }

    /** The short name used in logs, pid files and the API ({@code curriculum}, {@code kafka}, …). */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public int basePort() {
        return basePort;
    }

    public int port(int offset) {
        return basePort + offset;
    }

    /** The Maven module directory, relative to the repository root; empty for parts that are not built here. */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    /** Whether this part is a Spring Boot application answering {@code /actuator/health/readiness}. */
    public boolean isSpringBoot() {
        return kind != Kind.INFRASTRUCTURE;
    }

    /** The jar this part runs from in a built repository, if it has one and it exists. */
    public Optional<Path> builtJar(Path repository) {
        if (module == null) {
            return Optional.empty();
        }
        Path target = repository.resolve(module).resolve("target");
        if (jarName != null) {
            Path jar = target.resolve(jarName);
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        }
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        // the stand-in keeps its version in the file name; the shade plugin's original-*.jar is not runnable
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("mongo-standin-") && n.endsWith(".jar");
            }).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the jar is expected, for messages. */
    public String expectedJar() {
        return module + "/target/" + (jarName != null ? jarName : "mongo-standin-*.jar");
    }

    /** A part by its id or an alias ({@code curriculum-service}, {@code dev-identity-provider}, …). */
    public static Part named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Part part : values()) {
            if (part.id.equals(n) || part.name().toLowerCase(Locale.ROOT).equals(n)) {
                return part;
            }
            for (String alias : part.aliases) {
                if (alias.equals(n)) {
                    return part;
                }
            }
        }
        throw new IllegalArgumentException("no part named '" + name + "'; parts are "
                + Stream.of(values()).map(Part::id).toList());
    }
}
