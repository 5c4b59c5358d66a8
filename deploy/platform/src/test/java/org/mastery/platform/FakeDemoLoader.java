package org.mastery.platform;

import java.nio.file.Files;
import java.nio.file.Path;

/** Stands in for deploy/demo-district in {@link DemoHookTest}: records what it was given, fails on request. */
public final class FakeDemoLoader {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getenv("MASTERY_HOME"));
        Files.writeString(home.resolve("demo-ran.txt"), String.join("\n",
                "MASTERY_GATEWAY_URL=" + System.getenv("MASTERY_GATEWAY_URL"),
                "MASTERY_IDENTITY_URL=" + System.getenv("MASTERY_IDENTITY_URL"),
                "CURRICULUM_SERVICE_URL=" + System.getenv("CURRICULUM_SERVICE_URL"),
                "DATABASE_URL=" + System.getenv("DATABASE_URL")) + "\n");
        if (Files.exists(home.resolve("demo-fail"))) {
            System.out.println("failing on request");
            System.exit(3);
        }
    }
}
