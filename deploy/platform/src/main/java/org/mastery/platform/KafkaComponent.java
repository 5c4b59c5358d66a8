package org.mastery.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (3.9, KRaft, single node acting as broker and controller) in a JVM of
 * its own: {@code kafka.Kafka server.properties} on the {@code kafka_2.13} classpath. Storage under
 * {@code <data>/kafka/data} is formatted once ({@code kafka.tools.StorageTool format}) and kept.
 */
final class KafkaComponent extends JvmComponent {

    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Xms64m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.log.kafka.log=warn",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage=warn",
            "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");

    private final Path kafkaDirectory;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final Path log;

    KafkaComponent(Path kafkaDirectory, int port, int controllerPort, String classpath, Map<String, String> env,
                   Path log, RunDirectory run) {
        super(Part.KAFKA, () -> command(classpath, kafkaDirectory.resolve("server.properties")), env, log, kafkaDirectory,
                Readiness.port("127.0.0.1", port).and(Readiness.logContains(log, "Kafka Server started")), run);
        this.kafkaDirectory = kafkaDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.log = log;
    }

    private static List<String> command(String classpath, Path properties) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Launch.JAVA);
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("kafka.Kafka");
        cmd.add(properties.toString());
        return cmd;
    }

    @Override
    protected void prepare() {
        try {
            Files.createDirectories(kafkaDirectory.resolve("data"));
            Path properties = kafkaDirectory.resolve("server.properties");
            Files.writeString(properties, serverProperties(kafkaDirectory.resolve("data"), port, controllerPort), StandardCharsets.UTF_8);
            if (!Files.exists(kafkaDirectory.resolve("data").resolve("meta.properties"))) {
                format(properties);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's configuration: one node, loopback only, replication factors 1, topics kept forever. */
    static String serverProperties(Path logDirectory, int port, int controllerPort) {
        return String.join("\n",
                "# written by the Mastery launcher at every start; edits are lost",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "# event streams are kept: a consumer may rebuild its views from the beginning",
                "log.retention.ms=-1",
                "log.segment.bytes=67108864",
                "") ;
    }

    private void format(Path properties) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Launch.JAVA);
        cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        cmd.addAll(List.of("-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", properties.toString(), "--ignore-formatted"));
        try {
            Files.createDirectories(log.getParent());
            Path formatLog = log.resolveSibling("kafka-format.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(formatLog.toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new PlatformException("formatting Kafka's storage failed; see " + formatLog + ":\n" + tail(formatLog, 20));
            }
        } catch (IOException e) {
            throw new PlatformException("could not format Kafka's storage: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while formatting Kafka's storage");
        }
    }

    /** A cluster id as {@code kafka-storage random-uuid} makes one: 16 random bytes, URL-safe base64, not starting with '-'. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
