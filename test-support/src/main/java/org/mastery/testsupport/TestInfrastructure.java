package org.mastery.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.mastery.standin.MongoStandIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * PostgreSQL, Kafka and MongoDB for integration tests, started at most once per JVM.
 *
 * <p>Each is chosen in this order: the environment ({@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code MONGODB_URI}); Testcontainers ({@code postgres:17}, {@code apache/kafka}, {@code mongo:7})
 * when a Docker engine answers; otherwise the same embedded servers the local platform runs:
 * a real PostgreSQL from zonky's binaries, a real Kafka broker in KRaft mode, and the
 * MongoDB-wire-compatible stand-in with its memory backend.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    /** How an infrastructure piece was obtained, for test output and assertions. */
    public enum Source { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static MongoEndpoint mongo;
    private static Boolean docker;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = startPostgres();
            log.info("PostgreSQL for tests: {} ({})", postgres.serverUrl(), postgres.source());
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = startKafka();
            log.info("Kafka for tests: {} ({})", kafka.bootstrapServers(), kafka.source());
        }
        return kafka;
    }

    public static synchronized MongoEndpoint mongo() {
        if (mongo == null) {
            mongo = startMongo();
            log.info("MongoDB for tests: {} ({})", mongo.uri(), mongo.source());
        }
        return mongo;
    }

    /**
     * The properties that point a service at the test infrastructure, the same knobs an operator
     * sets. Contexts given the same {@code instanceSuffix} share databases, like two instances of
     * one service.
     */
    public static Map<String, Object> springProperties(String instanceSuffix) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("DATABASE_URL", postgres().serverUrl());
        props.put("MONGODB_URI", mongo().uri());
        props.put("KAFKA_BOOTSTRAP_SERVERS", kafka().bootstrapServers());
        props.put("OIDC_ISSUER_URI", TestIdentity.ISSUER);
        props.put("OIDC_JWK_SET_URI", TestIdentity.instance().jwkSetUri());
        props.put("mastery.instance-suffix", instanceSuffix);
        return props;
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                available = false;
            }
            docker = available;
            if (!available) {
                log.info("No Docker engine: integration tests use the embedded PostgreSQL, Kafka and MongoDB stand-in");
            }
        }
        return docker;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static PostgresServer startPostgres() {
        Optional<String> url = env("DATABASE_URL");
        if (url.isPresent()) {
            return PostgresServer.fromUrl(url.get(), Source.ENVIRONMENT);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer(container.getHost(), container.getFirstMappedPort(),
                    container.getUsername(), container.getPassword(), Source.TESTCONTAINERS);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return new PostgresServer("localhost", pg.getPort(), "postgres", "postgres", Source.EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL", e);
        }
    }

    private static KafkaServer startKafka() {
        Optional<String> bootstrap = env("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap.isPresent()) {
            return new KafkaServer(bootstrap.get(), Source.ENVIRONMENT);
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:3.9.1");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new KafkaServer(container.getBootstrapServers(), Source.TESTCONTAINERS);
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return new KafkaServer(broker.getBrokersAsString(), Source.EMBEDDED);
    }

    private static MongoEndpoint startMongo() {
        Optional<String> uri = env("MONGODB_URI");
        if (uri.isPresent()) {
            return new MongoEndpoint(uri.get(), Source.ENVIRONMENT);
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new MongoEndpoint(container.getConnectionString(), Source.TESTCONTAINERS);
        }
        MongoStandIn standIn = MongoStandIn.inMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        return new MongoEndpoint(standIn.connectionString(), Source.EMBEDDED);
    }

    /** A PostgreSQL server on which each test context gets databases of its own. */
    public record PostgresServer(String host, int port, String user, String password, Source source) {

        static PostgresServer fromUrl(String url, Source source) {
            java.net.URI uri = java.net.URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
            String user = "postgres";
            String password = "";
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : "";
            }
            return new PostgresServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password, source);
        }

        /** The server as a {@code postgresql://user:password@host:port/} URL, the form DATABASE_URL takes. */
        public String serverUrl() {
            return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/postgres";
        }

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public Connection connect(String database) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(database), user, password);
        }

        /** Creates the database unless it exists. */
        public void createDatabase(String database) {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
    }

    public record KafkaServer(String bootstrapServers, Source source) {
    }

    public record MongoEndpoint(String uri, Source source) {
    }
}
