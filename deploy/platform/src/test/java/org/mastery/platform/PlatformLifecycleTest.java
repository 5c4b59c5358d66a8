package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastery.platform.TestPlatforms.alive;
import static org.mastery.platform.TestPlatforms.devToken;
import static org.mastery.platform.TestPlatforms.verifiedClaims;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real platform (PostgreSQL, Kafka, the MongoDB stand-in, the identity provider) started through
 * the Java API in a temporary directory on free ports: each part answers, a part can be killed with
 * SIGKILL and restarted, everything stops, and every part's data survive a restart of the whole.
 * (The services are built after this module, so they are not part of it; deploy/README.md shows
 * the whole system measured by hand.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformLifecycleTest {

    Path data;
    int offset;
    Platform platform;
    String firstToken;
    final String topic = "platform-test-" + UUID.randomUUID();

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("mastery-platform");
        offset = TestPlatforms.freeOffset();
        platform = Platform.start(TestPlatforms.infrastructure(data, offset).build());
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        Platform.deleteRecursively(data);
    }

    @Test
    @Order(1)
    void every_part_runs_on_its_offset_port_with_a_pid_file() {
        RunDirectory run = new RunDirectory(data);
        for (Part part : List.of(Part.POSTGRES, Part.KAFKA, Part.MONGO, Part.IDENTITY)) {
            assertThat(platform.isRunning(part.id())).as(part.id()).isTrue();
            long pid = platform.pid(part.id()).orElseThrow();
            assertThat(run.read(part.id())).as(part.id() + " pid file")
                    .hasValueSatisfying(r -> assertThat(r.pid()).isEqualTo(pid));
            assertThat(Readiness.port("127.0.0.1", part.port(offset)).isReady()).as(part.id() + " port").isTrue();
        }
        assertThat(run.read(RunDirectory.LAUNCHER)).hasValueSatisfying(r -> assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid()));
        assertThat(run.readState()).containsEntry("status", "up");
        assertThat(platform.url(Part.IDENTITY)).isEqualTo("http://localhost:" + (9000 + offset));
        assertThat(platform.timeToReady()).isPositive();
        assertThat(platform.totalRssBytes()).isPositive();
    }

    @Test
    @Order(2)
    void postgres_kafka_and_the_identity_provider_take_data() throws Exception {
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id text primary key)");
            s.execute("INSERT INTO kept VALUES ('written before any restart')");
        }
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "k", "published before any restart")).get();
        }
        assertThat(consumeAll()).containsExactly("published before any restart");
        firstToken = devToken(platform.url(Part.IDENTITY), "teacher-1", "TEACHER");
        Document claims = verifiedClaims(firstToken, jwks());
        assertThat(claims.getString("sub")).isEqualTo("teacher-1");
        assertThat(claims.getList("roles", String.class)).containsExactly("TEACHER");
        assertThat(claims.getString("iss")).isEqualTo(platform.url(Part.IDENTITY));
    }

    @Test
    @Order(3)
    void a_killed_part_is_gone_at_once_and_restarts_on_the_same_port() throws Exception {
        long before = platform.pid("mongo").orElseThrow();

        platform.kill9("mongo");
        assertThat(platform.isRunning("mongo")).isFalse();
        assertThat(alive(before)).isFalse();
        assertThat(new RunDirectory(data).read("mongo")).isEmpty();
        assertThat(Readiness.port("127.0.0.1", Part.MONGO.port(offset)).isReady()).isFalse();

        platform.restart("mongo");
        assertThat(platform.pid("mongo")).hasValueSatisfying(pid -> assertThat(pid).isNotEqualTo(before));
        assertThat(new RunDirectory(data).read("mongo")).hasValueSatisfying(r -> assertThat(r.isAlive()).isTrue());
        try (MongoClient mongo = MongoClients.create(platform.url(Part.MONGO))) {
            collection(mongo).insertOne(new Document("_id", "view-1").append("state", "projected before any restart"));
        }
    }

    @Test
    @Order(4)
    void a_killed_postgres_restarts_with_its_data() throws Exception {
        List<Long> processes = new ArrayList<>(List.of(platform.pid("postgres").orElseThrow()));

        platform.kill9("postgres");
        assertThat(alive(processes.get(0))).isFalse();
        platform.restart("postgres");

        try (Connection c = postgres(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before any restart");
        }
    }

    @Test
    @Order(5)
    void a_stopped_stand_in_restarts_with_its_documents() throws Exception {
        platform.stopProcess("mongo");
        assertThat(Readiness.port("127.0.0.1", Part.MONGO.port(offset)).isReady()).isFalse();

        platform.restart("mongo");

        try (MongoClient mongo = MongoClients.create(platform.url(Part.MONGO))) {
            Document view = collection(mongo).find(new Document("_id", "view-1")).first();
            assertThat(view).isNotNull();
            assertThat(view.getString("state")).isEqualTo("projected before any restart");
        }
    }

    @Test
    @Order(6)
    void stop_ends_every_process_and_frees_every_port() {
        List<Long> pids = new ArrayList<>();
        for (Part part : platform.parts()) {
            pids.add(platform.pid(part.id()).orElseThrow());
        }
        long postgresBackends = ProcessHandle.of(platform.pid("postgres").orElseThrow()).orElseThrow().descendants().count();
        assertThat(postgresBackends).isPositive();

        platform.stop();

        for (long pid : pids) {
            assertThat(alive(pid)).as("pid " + pid).isFalse();
        }
        for (Part part : List.of(Part.POSTGRES, Part.KAFKA, Part.MONGO, Part.IDENTITY)) {
            assertThat(Readiness.port("127.0.0.1", part.port(offset)).isReady()).as(part.id() + " port").isFalse();
        }
        RunDirectory run = new RunDirectory(data);
        assertThat(run.processes()).isEmpty();
        assertThat(run.read(RunDirectory.LAUNCHER)).isEmpty();
        assertThat(run.isLocked()).isFalse();
        assertThat(run.readState()).containsEntry("status", "stopped");
    }

    @Test
    @Order(7)
    void everything_is_still_there_after_a_restart_of_the_whole_platform() throws Exception {
        platform = Platform.start(TestPlatforms.infrastructure(data, offset).build());

        try (Connection c = postgres(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(consumeAll()).containsExactly("published before any restart");
        try (MongoClient mongo = MongoClients.create(platform.url(Part.MONGO))) {
            assertThat(collection(mongo).countDocuments()).isEqualTo(1);
        }
        assertThat(verifiedClaims(firstToken, jwks()).getString("sub")).isEqualTo("teacher-1");
        assertThat(Files.exists(data.resolve("identity/signing-key.json"))).isTrue();
        assertThat(Files.exists(data.resolve("logs/kafka.log.1"))).as("the previous run's log is kept").isTrue();
    }

    @Test
    @Order(8)
    void a_second_platform_on_the_same_directory_is_refused() {
        PlatformConfig second = TestPlatforms.infrastructure(data, TestPlatforms.freeOffset()).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Platform.start(second))
                .isInstanceOf(PlatformException.class).hasMessageContaining("already running");
        assertThat(platform.isRunning("postgres")).as("the running one is untouched").isTrue();
    }

    private String jwks() {
        return platform.url(Part.IDENTITY).replace("localhost", "127.0.0.1") + "/oauth2/jwks";
    }

    private Connection postgres() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Part.POSTGRES.port(offset) + "/postgres", "postgres", "");
    }

    private static MongoCollection<Document> collection(MongoClient mongo) {
        return mongo.getDatabase("mastery_platform_test").getCollection("views");
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", platform.url(Part.KAFKA));
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private List<String> consumeAll() {
        Properties p = new Properties();
        p.put("bootstrap.servers", platform.url(Part.KAFKA));
        p.put("group.id", "platform-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            // anything else already there arrives in the next polls
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                values.add(record.value());
            }
        }
        return values;
    }

}
