package org.mastery.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.mastery.platform.Part;
import org.mastery.platform.Platform;
import org.mastery.platform.PlatformConfig;

/**
 * The whole system, started once per test JVM exactly as {@code deploy/mastery up} starts it (real
 * PostgreSQL, Kafka broker, MongoDB stand-in, identity provider, every service and the gateway, each
 * its own process), on ports shifted by {@code mastery.system.port-offset} so that it never meets a
 * platform a developer runs. Tests talk to it through the gateway only, except where a test is about
 * the infrastructure itself (killing a process, tampering with the log).
 */
public final class RunningSystem {

    private static Platform platform;

    private RunningSystem() {
    }

    public static synchronized Platform platform() {
        if (platform == null) {
            platform = start();
        }
        return platform;
    }

    /** Stops every process of the system under test, services first; does nothing if none was started. */
    public static synchronized void stop() {
        if (platform != null) {
            platform.stop();
            platform = null;
        }
    }

    public static String gateway() {
        return platform().url(Part.GATEWAY);
    }

    public static String identityProvider() {
        return platform().url(Part.IDENTITY);
    }

    public static Map<String, String> infrastructure() {
        return platform().infrastructure();
    }

    private static Platform start() {
        try {
            Path repository = Path.of(System.getProperty("mastery.repository", "../..")).toAbsolutePath().normalize();
            Path data = Path.of(System.getProperty("mastery.system.data", "target/system-test-platform"));
            Path jars = Path.of(System.getProperty("mastery.system.jars", "target/platform-jars"));
            Files.createDirectories(data);
            int offset = Integer.getInteger("mastery.system.port-offset", 20000);
            PlatformConfig.Builder builder = PlatformConfig.builder(repository, data);
            // for checking that the tests notice a missing service: -Dmastery.system.without=progression
            for (String part : System.getProperty("mastery.system.without", "").split(",")) {
                if (!part.isBlank()) {
                    builder.without(Part.named(part.strip()));
                }
            }
            PlatformConfig config = builder
                    .fresh(true)
                    .portOffset(offset)
                    .jarDirectory(jars)
                    .readinessTimeout(Duration.ofMinutes(4))
                    // class-data archives pay off from the second run in the same place; CI runs once
                    .classDataSharing(!"true".equals(System.getenv("CI")))
                    .build();
            long started = System.nanoTime();
            Platform running = Platform.start(config);
            System.out.printf("System under test ready in %.1f s: gateway %s%n",
                    (System.nanoTime() - started) / 1e9, running.url(Part.GATEWAY));
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
            return running;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the system under test", e);
        }
    }
}
