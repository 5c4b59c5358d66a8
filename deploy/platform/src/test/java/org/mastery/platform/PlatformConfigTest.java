package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformConfigTest {

    final Path repo = Path.of("/repo");
    final Path data = Path.of("/data");

    @Test
    void fixed_ports_without_an_offset() {
        PlatformConfig config = PlatformConfig.builder(repo, data).build();

        assertThat(config.port(Part.GATEWAY)).isEqualTo(8080);
        assertThat(config.port(Part.CURRICULUM)).isEqualTo(8081);
        assertThat(config.port(Part.ASSESSMENT)).isEqualTo(8082);
        assertThat(config.port(Part.PROGRESSION)).isEqualTo(8083);
        assertThat(config.port(Part.REPORTING)).isEqualTo(8084);
        assertThat(config.port(Part.IDENTITY)).isEqualTo(9000);
        assertThat(config.port(Part.POSTGRES)).isEqualTo(15432);
        assertThat(config.port(Part.KAFKA)).isEqualTo(19092);
        assertThat(config.kafkaControllerPort()).isEqualTo(19093);
        assertThat(config.port(Part.MONGO)).isEqualTo(27117);
        assertThat(config.issuerUri()).isEqualTo("http://localhost:9000");
        assertThat(config.databaseUrl()).isEqualTo("postgresql://postgres:postgres@127.0.0.1:15432/postgres");
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.mongoUri()).isEqualTo("mongodb://127.0.0.1:27117");
    }

    @Test
    void an_offset_moves_every_port_and_every_url_that_names_one() {
        PlatformConfig config = PlatformConfig.builder(repo, data).portOffset(1000).build();

        assertThat(config.port(Part.GATEWAY)).isEqualTo(9080);
        assertThat(config.kafkaControllerPort()).isEqualTo(20093);
        assertThat(config.issuerUri()).isEqualTo("http://localhost:10000");
        Map<String, String> gateway = config.environmentFor(Part.GATEWAY);
        assertThat(gateway).containsEntry("PORT", "9080")
                .containsEntry("CURRICULUM_SERVICE_URL", "http://127.0.0.1:9081")
                .containsEntry("REPORTING_SERVICE_URL", "http://127.0.0.1:9084")
                .containsEntry("OIDC_ISSUER_URI", "http://localhost:10000");
        // reporting calls curriculum (names) and progression (audit) itself: those URLs move too
        assertThat(config.environmentFor(Part.REPORTING)).containsEntry("CURRICULUM_URL", "http://127.0.0.1:9081")
                .containsEntry("PROGRESSION_URL", "http://127.0.0.1:9083");
    }

    @Test
    void services_get_the_four_knobs_their_port_loopback_and_no_phoning_home() {
        PlatformConfig config = PlatformConfig.builder(repo, data).build();

        Map<String, String> env = config.environmentFor(Part.PROGRESSION);

        assertThat(env).containsEntry("DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:15432/postgres")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27117")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
                .containsEntry("OIDC_ISSUER_URI", "http://localhost:9000")
                .containsEntry("PORT", "8083")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    }

    @Test
    void the_identity_provider_runs_the_local_profile_with_its_key_under_the_data_directory() {
        Map<String, String> env = PlatformConfig.builder(repo, data).build().environmentFor(Part.IDENTITY);

        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("ISSUER_URI", "http://localhost:9000")
                .containsEntry("MASTERY_IDENTITY_KEY_FILE", "/data/identity/signing-key.json")
                .containsEntry("PORT", "9000");
    }

    @Test
    void extra_environment_applies_to_all_then_to_one_part() {
        PlatformConfig config = PlatformConfig.builder(repo, data)
                .env("LOGGING_LEVEL_ROOT", "WARN")
                .env(Part.REPORTING, "LOGGING_LEVEL_ROOT", "DEBUG")
                .env(Part.REPORTING, "PORT", "9999")
                .build();

        assertThat(config.environmentFor(Part.CURRICULUM)).containsEntry("LOGGING_LEVEL_ROOT", "WARN");
        assertThat(config.environmentFor(Part.REPORTING)).containsEntry("LOGGING_LEVEL_ROOT", "DEBUG").containsEntry("PORT", "9999");
    }

    @Test
    void external_infrastructure_from_the_environment_is_passed_on_and_not_started() {
        PlatformConfig config = PlatformConfig.fromEnvironment(repo, data, Map.of(
                "DATABASE_URL", "postgresql://u:p@db:5432/postgres",
                "KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092",
                "MONGODB_URI", " mongodb://m1,m2/?replicaSet=rs0 ",
                "OIDC_ISSUER_URI", "")).build();

        assertThat(config.starts(Part.POSTGRES)).isFalse();
        assertThat(config.starts(Part.KAFKA)).isFalse();
        assertThat(config.starts(Part.MONGO)).isFalse();
        assertThat(config.starts(Part.IDENTITY)).as("a blank OIDC_ISSUER_URI is not a setting").isTrue();
        assertThat(config.starts(Part.CURRICULUM)).isTrue();
        assertThat(config.environmentFor(Part.ASSESSMENT))
                .containsEntry("DATABASE_URL", "postgresql://u:p@db:5432/postgres")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092")
                .containsEntry("MONGODB_URI", "mongodb://m1,m2/?replicaSet=rs0");
    }

    @Test
    void only_and_without_select_parts() {
        PlatformConfig only = PlatformConfig.builder(repo, data).only(Part.POSTGRES, Part.MONGO).build();
        PlatformConfig without = PlatformConfig.builder(repo, data).without(Part.GATEWAY).build();

        assertThat(only.starts(Part.POSTGRES)).isTrue();
        assertThat(only.starts(Part.KAFKA)).isFalse();
        assertThat(without.starts(Part.GATEWAY)).isFalse();
        assertThat(without.starts(Part.REPORTING)).isTrue();
    }

    @Test
    void jar_copies_live_in_the_data_directory_unless_a_shared_directory_is_given() {
        assertThat(PlatformConfig.builder(repo, data).build().jarDirectory()).isEqualTo(Path.of("/data/jars"));
        assertThat(PlatformConfig.builder(repo, data).jarDirectory(Path.of("/cache/platform-jars")).build().jarDirectory())
                .isEqualTo(Path.of("/cache/platform-jars"));
    }

    @Test
    void an_offset_that_leaves_the_port_range_is_refused() {
        assertThatThrownBy(() -> PlatformConfig.builder(repo, data).portOffset(40000).build())
                .hasMessageContaining("port range");
    }

    @Test
    void parts_are_found_by_id_alias_or_module_name() {
        assertThat(Part.named("curriculum-service")).isEqualTo(Part.CURRICULUM);
        assertThat(Part.named("dev-identity-provider")).isEqualTo(Part.IDENTITY);
        assertThat(Part.named("Kafka")).isEqualTo(Part.KAFKA);
        assertThat(Part.named("mongodb")).isEqualTo(Part.MONGO);
        assertThatThrownBy(() -> Part.named("redis")).hasMessageContaining("no part named 'redis'");
    }
}
