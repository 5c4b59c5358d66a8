package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Platform#start} refuses or skips before launching anything. */
class PlatformStartTest {

    @TempDir
    Path repo;
    @TempDir
    Path data;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PlatformConfig.Builder config(Part... parts) {
        return PlatformConfig.builder(repo, data).only(parts).portOffset(TestPlatforms.freeOffset())
                .out(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void an_unbuilt_gateway_is_skipped_with_a_warning() {
        Platform platform = Platform.start(config(Part.GATEWAY).build());
        try {
            assertThat(platform.parts()).isEmpty();
            assertThat(platform.warnings()).singleElement().asString()
                    .contains("the gateway is not built yet (gateway/target/gateway.jar)");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("WARNING: the gateway is not built yet");
        } finally {
            platform.stop();
        }
    }

    @Test
    void an_unbuilt_service_is_an_error_naming_the_jar_and_the_build_command() {
        assertThatThrownBy(() -> Platform.start(config(Part.PROGRESSION).build()))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("progression is not built: expected " + repo.resolve("progression-service/target/progression-service.jar"))
                .hasMessageContaining("./mvnw -q -B -DskipTests install");
        assertThat(new RunDirectory(data).isLocked()).as("a failed start lets go of the directory").isFalse();
    }

    @Test
    void a_port_in_use_is_refused_before_anything_starts() throws Exception {
        PlatformConfig config = config(Part.POSTGRES, Part.MONGO).build();
        try (ServerSocket squatter = new ServerSocket(config.port(Part.MONGO), 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> Platform.start(config))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("ports already in use: mongo " + config.port(Part.MONGO));
        }
        assertThat(Readiness.port("127.0.0.1", config.port(Part.POSTGRES)).isReady()).as("postgres was not started").isFalse();
        assertThat(new RunDirectory(data).processes()).isEmpty();
    }
}
