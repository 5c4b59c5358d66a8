package org.mastery.kit.environment;

import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Turns the four knobs an operator sets ({@code DATABASE_URL}, {@code MONGODB_URI},
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code OIDC_ISSUER_URI}) into Spring's properties, giving each
 * service its own PostgreSQL database and its own MongoDB database on the shared servers.
 *
 * <p>Without them the service points at the local platform's embedded servers. The derived values
 * have the lowest precedence and are computed when asked for, so explicit Spring properties
 * ({@code spring.datasource.url}, …) still win, and so do values a test adds to the environment late.
 */
public class InfrastructureEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String DEFAULT_DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:15432/postgres";
    public static final String DEFAULT_MONGODB_URI = "mongodb://127.0.0.1:27117";
    public static final String DEFAULT_KAFKA = "127.0.0.1:19092";
    public static final String DEFAULT_ISSUER = "http://localhost:9000";

    static final String SOURCE_NAME = "masteryInfrastructure";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        // A student-data system must not phone home: Axon's update checker reads this system property.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (!env.getPropertySources().contains(SOURCE_NAME)) {
            env.getPropertySources().addLast(new DerivedProperties(env));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Spring properties derived on demand from the operator's knobs. */
    static final class DerivedProperties extends EnumerablePropertySource<Object> {

        private static final Set<String> NAMES = Set.of(
                "mastery.service.name", "mastery.database.name", "mastery.database.server-url",
                "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.data.mongodb.uri", "spring.data.mongodb.database", "spring.kafka.bootstrap-servers",
                "mastery.kafka.group-prefix",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");

        // Not the source object: Spring Boot would walk an Environment source as nested sources, forever.
        private final ConfigurableEnvironment env;

        DerivedProperties(ConfigurableEnvironment env) {
            super(SOURCE_NAME, new Object());
            this.env = env;
        }

        @Override
        public String[] getPropertyNames() {
            return NAMES.toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            if (!NAMES.contains(name)) {
                return null;
            }
            String service = "mastery.service.name".equals(name) ? serviceFromApplicationName(env) : env.getProperty("mastery.service.name");
            if (service == null) {
                return null; // not a Mastery service
            }
            String suffix = env.getProperty("mastery.instance-suffix", "");
            return switch (name) {
                case "mastery.service.name" -> service;
                case "mastery.database.name" -> service + suffix;
                case "mastery.database.server-url" -> server(env).jdbcUrl(server(env).database());
                case "spring.datasource.url" -> server(env).jdbcUrl(env.getProperty("mastery.database.name"));
                case "spring.datasource.username" -> server(env).user();
                case "spring.datasource.password" -> server(env).password();
                case "spring.data.mongodb.uri" -> env.getProperty("MONGODB_URI", DEFAULT_MONGODB_URI);
                case "spring.data.mongodb.database" -> "mastery_" + service + suffix;
                case "spring.kafka.bootstrap-servers" -> env.getProperty("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_KAFKA);
                case "mastery.kafka.group-prefix" -> service + suffix;
                case "spring.security.oauth2.resourceserver.jwt.issuer-uri" -> issuer(env);
                case "spring.security.oauth2.resourceserver.jwt.jwk-set-uri" ->
                        env.getProperty("OIDC_JWK_SET_URI", issuer(env) + "/oauth2/jwks");
                default -> null;
            };
        }

        private static DatabaseUrl server(ConfigurableEnvironment env) {
            return DatabaseUrl.parse(env.getProperty("DATABASE_URL", DEFAULT_DATABASE_URL));
        }

        private static String issuer(ConfigurableEnvironment env) {
            String issuer = env.getProperty("OIDC_ISSUER_URI", DEFAULT_ISSUER);
            return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        }

        private static String serviceFromApplicationName(ConfigurableEnvironment env) {
            String app = env.getProperty("spring.application.name");
            if (app != null && app.endsWith("-service")) {
                return app.substring(0, app.length() - "-service".length());
            }
            return null;
        }
    }
}
