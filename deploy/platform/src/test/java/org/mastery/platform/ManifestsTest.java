package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Compose file and the Kubernetes manifests parse, name every service, wire each with the same
 * knobs as the local platform, and run the images the Jib profiles build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestsTest {

    /** Each deployable: its Maven module, its port, and whether it is one of the four services. */
    record App(String name, String module, int port, boolean service) {
    }

    static final List<App> APPS = List.of(
            new App("curriculum-service", "curriculum-service", 8081, true),
            new App("assessment-service", "assessment-service", 8082, true),
            new App("progression-service", "progression-service", 8083, true),
            new App("reporting-service", "reporting-service", 8084, true),
            new App("gateway", "gateway", 8080, false),
            new App("identity", "deploy/dev-identity-provider", 9000, false));

    final Path repo = TestPlatforms.repository();
    Map<String, Object> compose;
    Map<String, Map<String, Object>> composeServices;
    Map<String, String> jibImages = new LinkedHashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void load() throws Exception {
        try (InputStream in = Files.newInputStream(repo.resolve("deploy/compose/docker-compose.yml"))) {
            compose = (Map<String, Object>) yaml().load(in);
        }
        composeServices = (Map<String, Map<String, Object>>) compose.get("services");
        String version = text(xml(repo.resolve("pom.xml")), "version");
        for (App app : APPS) {
            jibImages.put(app.name(), jibImage(repo.resolve(app.module()).resolve("pom.xml")).replace("${project.version}", version));
        }
    }

    // ------------------------------------------------------------------ Jib

    @Test
    void every_deployable_has_an_opt_in_jib_profile_building_a_tar() throws Exception {
        for (App app : APPS) {
            Element pom = xml(repo.resolve(app.module()).resolve("pom.xml"));
            Element profile = profile(pom, "images");
            assertThat(profile).as(app.module() + " has an 'images' profile").isNotNull();
            assertThat(text(profile, "goal")).as(app.module()).isEqualTo("buildTar");
            assertThat(text(profile, "port")).as(app.module()).isEqualTo(Integer.toString(app.port()));
            assertThat(text(profile, "PORT")).as(app.module()).isEqualTo(Integer.toString(app.port()));
            assertThat(text(profile, "user")).as(app.module() + " runs as non-root").isEqualTo("1000:1000");
            // not in the normal build: this machine cannot pull a base image
            NodeList plugins = ((Element) pom.getElementsByTagName("build").item(0)).getElementsByTagName("artifactId");
            for (int i = 0; i < plugins.getLength(); i++) {
                if (plugins.item(i).getTextContent().equals("jib-maven-plugin")) {
                    assertThat(isInside(plugins.item(i), profile)).as(app.module() + ": Jib only inside the profile").isTrue();
                }
            }
        }
        assertThat(jibImages.values()).allMatch(image -> image.startsWith("mastery/") && image.endsWith(":0.1.0-SNAPSHOT"));
    }

    // ------------------------------------------------------------------ Compose

    @Test
    void compose_names_every_service_and_the_infrastructure() {
        assertThat(composeServices).containsKeys("postgres", "mongo1", "mongo2", "mongo3", "mongo-init", "kafka",
                "identity", "curriculum-service", "assessment-service", "progression-service", "reporting-service", "gateway");
        assertThat(composeServices.get("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(composeServices.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        for (String mongo : List.of("mongo1", "mongo2", "mongo3")) {
            assertThat(composeServices.get(mongo).get("image")).isEqualTo("mongo:7");
            assertThat(composeServices.get(mongo).get("command").toString()).contains("--replSet", "rs0");
        }
    }

    @Test
    void compose_runs_the_images_jib_builds() {
        for (App app : APPS) {
            assertThat(composeServices.get(app.name()).get("image")).as(app.name()).isEqualTo(jibImages.get(app.name()));
        }
    }

    @Test
    void compose_gives_each_service_the_four_knobs_and_its_port() {
        for (App app : APPS.stream().filter(App::service).toList()) {
            Map<String, String> env = environment(composeServices.get(app.name()));
            assertThat(env).as(app.name()).containsKeys("DATABASE_URL", "MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "OIDC_ISSUER_URI");
            assertThat(env.get("DATABASE_URL")).startsWith("postgresql://").contains("@postgres:5432/");
            assertThat(env.get("MONGODB_URI")).contains("mongo1:27017", "mongo2:27017", "mongo3:27017", "replicaSet=rs0");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(env.get("OIDC_JWK_SET_URI")).isEqualTo("http://identity:9000/oauth2/jwks");
            assertThat(env.get("PORT")).isEqualTo(Integer.toString(app.port()));
            assertThat(env.get("AXONIQ_UPDATE_CHECKER_DISABLED")).isEqualTo("true");
            assertThat(dependsOn(composeServices.get(app.name()))).contains("postgres", "kafka", "mongo-init");
        }
    }

    @Test
    void compose_tokens_carry_the_issuer_the_services_expect() {
        String issuer = environment(composeServices.get("identity")).get("ISSUER_URI");
        assertThat(issuer).isEqualTo("http://localhost:9000");
        for (App app : APPS.stream().filter(a -> !a.name().equals("identity")).toList()) {
            assertThat(environment(composeServices.get(app.name())).get("OIDC_ISSUER_URI")).as(app.name()).isEqualTo(issuer);
        }
        assertThat(environment(composeServices.get("identity")).get("SPRING_PROFILES_ACTIVE"))
                .as("no /dev/token unless asked for").isEqualTo("${MASTERY_IDENTITY_PROFILES:-}");
    }

    @Test
    void compose_gateway_routes_to_every_service_by_its_compose_name() {
        Map<String, String> env = environment(composeServices.get("gateway"));
        for (App app : APPS.stream().filter(App::service).toList()) {
            String variable = app.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
            assertThat(env.get(variable)).as(variable).isEqualTo("http://" + app.name() + ":" + app.port());
        }
        assertThat(composeServices.get("gateway").get("ports").toString()).contains("8080:8080");
        assertThat(composeServices.get("identity").get("ports").toString()).contains("9000:9000");
    }

    @Test
    void compose_kafka_is_a_kraft_node_with_a_valid_cluster_id() {
        Map<String, String> env = environment(composeServices.get("kafka"));
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        String clusterId = env.get("CLUSTER_ID").replaceAll("^\\$\\{KAFKA_CLUSTER_ID:-(.*)}$", "$1");
        assertThat(Base64.getUrlDecoder().decode(clusterId)).as("a Kafka cluster id is 16 bytes").hasSize(16);
    }

    @Test
    void compose_mongo_init_joins_all_three_members_and_every_dependency_exists() {
        String script = String.valueOf(composeServices.get("mongo-init").get("command"));
        assertThat(script).contains("rs.initiate", "mongo1:27017", "mongo2:27017", "mongo3:27017");
        for (Map.Entry<String, Map<String, Object>> service : composeServices.entrySet()) {
            assertThat(composeServices.keySet()).as(service.getKey() + " depends on existing services")
                    .containsAll(dependsOn(service.getValue()));
        }
    }

    // ------------------------------------------------------------------ Kubernetes

    @Test
    void every_kubernetes_manifest_parses_and_is_listed_in_the_kustomization() throws Exception {
        Set<String> files;
        try (Stream<Path> list = Files.list(repo.resolve("deploy/k8s"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<Map<String, Object>> docs = kubernetesDocuments();
        assertThat(docs).allSatisfy(doc -> {
            assertThat(doc).containsKeys("apiVersion", "kind", "metadata");
            assertThat(metadata(doc).get("name")).isNotNull();
        });
        Map<String, Object> kustomization = load(repo.resolve("deploy/k8s/kustomization.yaml")).get(0);
        Set<String> resources = new TreeSet<>(list(kustomization.get("resources")));
        files.remove("kustomization.yaml");
        assertThat(resources).isEqualTo(files);
        assertThat(docs).filteredOn(d -> !d.get("kind").equals("Namespace"))
                .allSatisfy(d -> assertThat(metadata(d).get("namespace")).as(metadata(d).get("name").toString()).isEqualTo("mastery"));
    }

    @Test
    void kubernetes_runs_every_deployable_with_a_service_and_probes() throws Exception {
        List<Map<String, Object>> docs = kubernetesDocuments();
        for (App app : APPS) {
            Map<String, Object> deployment = find(docs, "Deployment", app.name());
            Map<String, Object> service = find(docs, "Service", app.name());
            Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
            Map<String, Object> container = maps(podSpec.get("containers")).get(0);
            assertThat(container.get("image")).as(app.name()).isEqualTo(jibImages.get(app.name()));
            assertThat(maps(container.get("ports")).get(0).get("containerPort")).isEqualTo(app.port());
            assertThat(map(map(container, "readinessProbe"), "httpGet").get("path")).isEqualTo("/actuator/health/readiness");
            Map<String, Object> selector = map(map(service, "spec"), "selector");
            Map<String, Object> labels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
            assertThat(labels).as(app.name() + ": the Service selects the pods").containsAllEntriesOf(selector);
            assertThat(maps(map(service, "spec").get("ports")).get(0).get("port")).isEqualTo(app.port());
            assertThat(map(podSpec, "securityContext").get("runAsNonRoot")).isEqualTo(true);
            if (app.service()) {
                assertThat(envNames(container)).contains("PORT", "DATABASE_URL");
                assertThat(String.valueOf(container.get("envFrom"))).contains("mastery-config");
            }
        }
    }

    /** Reporting calls curriculum (names) and progression (audit replays) directly; its defaults are the local platform's. */
    @Test
    void reporting_is_told_where_curriculum_and_progression_are() throws Exception {
        Map<String, String> compose = environment(composeServices.get("reporting-service"));
        assertThat(compose.get("CURRICULUM_URL")).isEqualTo("http://curriculum-service:8081");
        assertThat(compose.get("PROGRESSION_URL")).isEqualTo("http://progression-service:8083");
        Map<String, Object> deployment = find(kubernetesDocuments(), "Deployment", "reporting-service");
        Map<String, Object> container = maps(map(map(map(deployment, "spec"), "template"), "spec").get("containers")).get(0);
        Map<String, String> env = new LinkedHashMap<>();
        maps(container.get("env")).forEach(e -> env.put(e.get("name").toString(), String.valueOf(e.get("value"))));
        assertThat(env.get("CURRICULUM_URL")).isEqualTo("http://curriculum-service:8081");
        assertThat(env.get("PROGRESSION_URL")).isEqualTo("http://progression-service:8083");
    }

    @Test
    void kubernetes_infrastructure_is_stateful_and_configured_for_every_service() throws Exception {
        List<Map<String, Object>> docs = kubernetesDocuments();
        assertThat(map(find(docs, "StatefulSet", "postgres"), "spec").get("replicas")).isEqualTo(1);
        assertThat(map(find(docs, "StatefulSet", "mongo"), "spec").get("replicas")).isEqualTo(3);
        assertThat(find(docs, "StatefulSet", "kafka")).isNotNull();
        assertThat(String.valueOf(find(docs, "Job", "mongo-init-replica-set"))).contains("rs.initiate", "mongo-0.mongo", "mongo-2.mongo");
        Map<String, Object> config = map(find(docs, "ConfigMap", "mastery-config"), "data");
        assertThat(config).containsKeys("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "OIDC_ISSUER_URI", "OIDC_JWK_SET_URI",
                "CURRICULUM_SERVICE_URL", "ASSESSMENT_SERVICE_URL", "PROGRESSION_SERVICE_URL", "REPORTING_SERVICE_URL");
        assertThat(config.get("MONGODB_URI").toString()).contains("replicaSet=rs0");
        Map<String, Object> secret = map(find(docs, "Secret", "mastery-secrets"), "stringData");
        assertThat(secret).containsKeys("DATABASE_URL", "POSTGRES_PASSWORD");
        assertThat(secret.values()).allMatch(v -> v.toString().contains("CHANGE-ME"), "only placeholders are committed");
    }

    // ------------------------------------------------------------------ helpers

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object doc : yaml().loadAll(in)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }
        return docs;
    }

    private List<Map<String, Object>> kubernetesDocuments() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(repo.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                docs.addAll(load(file));
            }
        }
        return docs;
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(metadata(d).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    private static Map<String, Object> metadata(Map<String, Object> doc) {
        return map(doc, "metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object list) {
        return (List<String>) list;
    }

    private static List<String> envNames(Map<String, Object> container) {
        return maps(container.get("env")).stream().map(e -> e.get("name").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> dependsOn(Map<String, Object> service) {
        Object deps = service.get("depends_on");
        if (deps instanceof Map<?, ?> map) {
            return ((Map<String, Object>) map).keySet();
        }
        if (deps instanceof List<?> names) {
            return names.stream().map(String::valueOf).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static Element xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** The first element with this tag directly under the project, or anywhere below {@code root}. */
    private static String text(Element root, String tag) {
        for (org.w3c.dom.Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        NodeList nodes = root.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static Element profile(Element pom, String id) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (id.equals(text(profile, "id"))) {
                return profile;
            }
        }
        return null;
    }

    private static String jibImage(Path pom) throws Exception {
        Element profile = profile(xml(pom), "images");
        assertThat(profile).as(pom + " has an 'images' profile").isNotNull();
        Element to = (Element) profile.getElementsByTagName("to").item(0);
        return text(to, "image");
    }

    private static boolean isInside(org.w3c.dom.Node node, Element ancestor) {
        for (org.w3c.dom.Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
