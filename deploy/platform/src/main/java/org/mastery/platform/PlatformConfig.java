package org.mastery.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to start a platform: where the built jars are, where its data lives, which parts to start,
 * on which ports, with what extra environment, and which infrastructure is external.
 *
 * <p>Build one with {@link #builder(Path, Path)}; {@link #fromEnvironment(Path, Path, Map)} reads the
 * operator's knobs ({@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI},
 * {@code OIDC_ISSUER_URI}) the way {@code deploy/mastery up} does.
 */
public record PlatformConfig(
        Path repository,
        Path dataDirectory,
        int portOffset,
        Set<Part> parts,
        Map<String, String> environment,
        Map<Part, Map<String, String>> partEnvironment,
        Optional<String> externalDatabaseUrl,
        Optional<String> externalKafka,
        Optional<String> externalMongo,
        Optional<String> externalIssuer,
        boolean fresh,
        Duration readinessTimeout,
        List<String> serviceJvmOptions,
        boolean classDataSharing,
        Optional<Path> sharedJarDirectory,
        Map<Part, Path> jars,
        PrintStream out) {

    /** The JVM flags every service, the gateway and the identity provider run with. */
    public static final List<String> SERVICE_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    public PlatformConfig {
        repository = repository.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        parts = Collections.unmodifiableSet(parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Map<Part, Map<String, String>> copy = new EnumMap<>(Part.class);
        partEnvironment.forEach((part, env) -> copy.put(part, Collections.unmodifiableMap(new LinkedHashMap<>(env))));
        partEnvironment = Collections.unmodifiableMap(copy);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        jars = Collections.unmodifiableMap(jars.isEmpty() ? new EnumMap<>(Part.class) : new EnumMap<>(jars));
        if (portOffset < -8000 || portOffset > 30000) {
            throw new IllegalArgumentException("port offset " + portOffset + " would leave the usable port range");
        }
    }

    public static Builder builder(Path repository, Path dataDirectory) {
        return new Builder(repository, dataDirectory);
    }

    /**
     * The configuration {@code deploy/mastery up} uses: every part, fixed ports, and any of
     * {@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code OIDC_ISSUER_URI}
     * found in {@code env} taken as external infrastructure that is then not started.
     */
    public static Builder fromEnvironment(Path repository, Path dataDirectory, Map<String, String> env) {
        Builder builder = builder(repository, dataDirectory);
        nonBlank(env, "DATABASE_URL").ifPresent(builder::externalDatabase);
        nonBlank(env, "KAFKA_BOOTSTRAP_SERVERS").ifPresent(builder::externalKafka);
        nonBlank(env, "MONGODB_URI").ifPresent(builder::externalMongo);
        nonBlank(env, "OIDC_ISSUER_URI").ifPresent(builder::externalIssuer);
        return builder;
    }

    private static Optional<String> nonBlank(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** Whether this part is started by the platform (selected and not replaced by external infrastructure). */
    public boolean starts(Part part) {
        if (!parts.contains(part)) {
            return false;
        }
        return switch (part) {
            case POSTGRES -> externalDatabaseUrl.isEmpty();
            case KAFKA -> externalKafka.isEmpty();
            case MONGO -> externalMongo.isEmpty();
            case IDENTITY -> externalIssuer.isEmpty();
            default -> true;
        };
    }

    public int port(Part part) {
        return part.port(portOffset);
    }

    public int kafkaControllerPort() {
        return Part.KAFKA_CONTROLLER_PORT + portOffset;
    }

    /** {@code DATABASE_URL} as the services get it. */
    public String databaseUrl() {
        return externalDatabaseUrl.orElse("postgresql://postgres:postgres@127.0.0.1:" + port(Part.POSTGRES) + "/postgres");
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("127.0.0.1:" + port(Part.KAFKA));
    }

    public String mongoUri() {
        return externalMongo.orElse("mongodb://127.0.0.1:" + port(Part.MONGO));
    }

    /** The issuer every token carries and every service checks ({@code http://localhost:9000} without an offset). */
    public String issuerUri() {
        return externalIssuer.orElse("http://localhost:" + port(Part.IDENTITY));
    }

    /** The base URL of an HTTP part, or the connection string of an infrastructure part. */
    public String endpoint(Part part) {
        return switch (part) {
            case POSTGRES -> databaseUrl();
            case KAFKA -> kafkaBootstrapServers();
            case MONGO -> mongoUri();
            case IDENTITY -> issuerUri();
            default -> "http://localhost:" + port(part);
        };
    }

    /** The jar a part runs from: an explicit one ({@link Builder#jar}), else the one built in the repository. */
    public Optional<Path> jar(Part part) {
        Path explicit = jars.get(part);
        if (explicit != null) {
            return java.nio.file.Files.isRegularFile(explicit) ? Optional.of(explicit) : Optional.empty();
        }
        return part.builtJar(repository);
    }

    /**
     * The environment of a part's JVM: the operator's knobs as the services read them, its port,
     * loopback binding, then the extras given to the builder (common ones, then the part's own).
     */
    public Map<String, String> environmentFor(Part part) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        switch (part.kind()) {
            case SERVICE -> {
                env.put("DATABASE_URL", databaseUrl());
                env.put("MONGODB_URI", mongoUri());
                env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
                env.put("OIDC_ISSUER_URI", issuerUri());
                env.put("PORT", Integer.toString(port(part)));
                env.put("SERVER_ADDRESS", "127.0.0.1");
                // reporting-service calls curriculum (names) and progression (audit): on shifted ports too
                env.put("CURRICULUM_URL", "http://127.0.0.1:" + port(Part.CURRICULUM));
                env.put("PROGRESSION_URL", "http://127.0.0.1:" + port(Part.PROGRESSION));
            }
            case IDENTITY -> {
                env.put("SPRING_PROFILES_ACTIVE", "local");
                env.put("ISSUER_URI", issuerUri());
                env.put("MASTERY_IDENTITY_KEY_FILE", dataDirectory.resolve("identity").resolve("signing-key.json").toString());
                env.put("PORT", Integer.toString(port(part)));
                env.put("SERVER_ADDRESS", "127.0.0.1");
            }
            case GATEWAY -> {
                env.put("OIDC_ISSUER_URI", issuerUri());
                env.put("CURRICULUM_SERVICE_URL", "http://127.0.0.1:" + port(Part.CURRICULUM));
                env.put("ASSESSMENT_SERVICE_URL", "http://127.0.0.1:" + port(Part.ASSESSMENT));
                env.put("PROGRESSION_SERVICE_URL", "http://127.0.0.1:" + port(Part.PROGRESSION));
                env.put("REPORTING_SERVICE_URL", "http://127.0.0.1:" + port(Part.REPORTING));
                env.put("PORT", Integer.toString(port(part)));
                env.put("SERVER_ADDRESS", "127.0.0.1");
            }
            default -> {
                // infrastructure JVMs take their settings as arguments
            }
        }
        env.putAll(environment);
        env.putAll(partEnvironment.getOrDefault(part, Map.of()));
        return env;
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** Where jar copies, extracted jars and class-data-sharing archives live: {@code <data>/jars} unless shared. */
    public Path jarDirectory() {
        return sharedJarDirectory.map(p -> p.toAbsolutePath().normalize()).orElse(dataDirectory.resolve("jars"));
    }

    public static final class Builder {
        private final Path repository;
        private final Path dataDirectory;
        private int portOffset;
        private final Set<Part> parts = EnumSet.allOf(Part.class);
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<Part, Map<String, String>> partEnvironment = new EnumMap<>(Part.class);
        private String externalDatabaseUrl;
        private String externalKafka;
        private String externalMongo;
        private String externalIssuer;
        private boolean fresh;
        private Duration readinessTimeout = Duration.ofSeconds(180);
        private List<String> serviceJvmOptions = SERVICE_JVM_OPTIONS;
        private boolean classDataSharing = true;
        private Path sharedJarDirectory;
        private final Map<Part, Path> jars = new EnumMap<>(Part.class);
        private PrintStream out = System.out;

        private Builder(Path repository, Path dataDirectory) {
            this.repository = repository;
            this.dataDirectory = dataDirectory;
        }

        /** Adds {@code offset} to every port (gateway 8080 + offset, PostgreSQL 15432 + offset, …). */
        public Builder portOffset(int offset) {
            this.portOffset = offset;
            return this;
        }

        /** Starts only these parts. */
        public Builder only(Part... only) {
            parts.clear();
            parts.addAll(List.of(only));
            return this;
        }

        public Builder only(Set<Part> only) {
            parts.clear();
            parts.addAll(only);
            return this;
        }

        public Builder without(Part... without) {
            List.of(without).forEach(parts::remove);
            return this;
        }

        /** An environment variable for every JVM the platform starts. */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** An environment variable for one part's JVM (applied after the common ones). */
        public Builder env(Part part, String name, String value) {
            partEnvironment.computeIfAbsent(part, p -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder externalDatabase(String url) {
            this.externalDatabaseUrl = url;
            return this;
        }

        public Builder externalKafka(String bootstrapServers) {
            this.externalKafka = bootstrapServers;
            return this;
        }

        public Builder externalMongo(String uri) {
            this.externalMongo = uri;
            return this;
        }

        public Builder externalIssuer(String issuer) {
            this.externalIssuer = issuer;
            return this;
        }

        /** Wipes the data directory (PostgreSQL, Kafka, read models, signing key, logs) before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** How long any one part may take to become ready (default 180 s). */
        public Builder readinessTimeout(Duration timeout) {
            this.readinessTimeout = timeout;
            return this;
        }

        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = options;
            return this;
        }

        /**
         * Whether Spring Boot parts run from their extracted jars with a class-data-sharing archive
         * (default: yes; the archive is written when a part first exits normally and cuts later starts).
         */
        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        /**
         * Keeps jar copies and class-data-sharing archives in this directory instead of the data
         * directory, so that platforms started in fresh temporary directories (system tests) reuse the
         * archives of earlier runs. Only one platform at a time may use it.
         */
        public Builder jarDirectory(Path directory) {
            this.sharedJarDirectory = directory;
            return this;
        }

        /** Runs a part from this jar instead of the one built in the repository (a system test's own build, say). */
        public Builder jar(Part part, Path jar) {
            jars.put(part, jar);
            return this;
        }

        /** Where progress is printed (default {@code System.out}). */
        public Builder out(PrintStream out) {
            this.out = out;
            return this;
        }

        public PlatformConfig build() {
            return new PlatformConfig(repository, dataDirectory, portOffset, parts, environment, partEnvironment,
                    Optional.ofNullable(externalDatabaseUrl), Optional.ofNullable(externalKafka),
                    Optional.ofNullable(externalMongo), Optional.ofNullable(externalIssuer),
                    fresh, readinessTimeout, serviceJvmOptions, classDataSharing, Optional.ofNullable(sharedJarDirectory), jars, out);
        }
    }
}
