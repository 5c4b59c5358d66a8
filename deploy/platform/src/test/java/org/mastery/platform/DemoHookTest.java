package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook for the demo district: run the loader once per data directory if it is built, say so if not. */
class DemoHookTest {

    @TempDir
    Path repo;
    @TempDir
    Path data;

    Platform platform;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        // a platform of no parts: the hook only needs its configuration and endpoints
        platform = Platform.start(PlatformConfig.builder(repo, data).only().portOffset(700)
                .out(new PrintStream(new ByteArrayOutputStream())).build());
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    @Test
    void without_a_built_loader_the_system_starts_empty_and_says_so() {
        hook();

        assertThat(text()).contains("no demo loader is built yet (deploy/demo-district/target/demo-district.jar)");
        assertThat(data.resolve(Mastery.DEMO_MARKER)).doesNotExist();
    }

    @Test
    void a_built_loader_runs_once_with_the_platform_endpoints() throws Exception {
        buildFakeLoader();

        hook();

        assertThat(text()).contains("Demo district: loaded in");
        assertThat(data.resolve(Mastery.DEMO_MARKER)).exists();
        assertThat(Files.readString(data.resolve("demo-ran.txt")))
                .contains("MASTERY_IDENTITY_URL=http://localhost:9700")
                .contains("CURRICULUM_SERVICE_URL=http://localhost:8781")
                .contains("DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:16132/postgres");

        Files.delete(data.resolve("demo-ran.txt"));
        hook();
        assertThat(text()).contains("already loaded into this data directory");
        assertThat(data.resolve("demo-ran.txt")).as("not run twice").doesNotExist();
    }

    @Test
    void a_failing_loader_is_reported_and_tried_again_next_time() throws Exception {
        buildFakeLoader();
        Files.writeString(data.resolve("demo-fail"), "");

        hook();

        assertThat(text()).contains("the demo district loader failed (exit 3)").contains("demo-district.log");
        assertThat(data.resolve(Mastery.DEMO_MARKER)).doesNotExist();
        assertThat(Files.readString(data.resolve("logs/demo-district.log"))).contains("failing on request");
    }

    private void hook() {
        output.reset();
        new Mastery(new PrintStream(output, true, StandardCharsets.UTF_8), Map.of()).loadDemo(platform);
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** deploy/demo-district/target/demo-district.jar holding {@link FakeDemoLoader}. */
    private void buildFakeLoader() throws Exception {
        Path jar = repo.resolve(Mastery.DEMO_JAR);
        Files.createDirectories(jar.getParent());
        Files.createDirectories(data.resolve("logs"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeDemoLoader.class.getName());
        String entry = FakeDemoLoader.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream clazz = FakeDemoLoader.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            clazz.transferTo(out);
            out.closeEntry();
        }
    }
}
