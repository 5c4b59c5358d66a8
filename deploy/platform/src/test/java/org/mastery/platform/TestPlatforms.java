package org.mastery.platform;

import java.io.File;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;

/** Helpers for tests that start real platforms. */
final class TestPlatforms {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestPlatforms() {
    }

    /** The repository root (the directory with mvnw and deploy/), found upwards from the working directory. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the Mastery repository");
    }

    /**
     * A port offset at which every platform port is free, so a test platform never meets a running
     * one (or another test's): all its ports land between 10000 and 32767, below Linux's ephemeral range.
     */
    static int freeOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 2000 + 10 * ThreadLocalRandom.current().nextInt(360);
            boolean free = true;
            for (Part part : Part.values()) {
                free &= !Readiness.port("127.0.0.1", part.port(offset)).isReady();
            }
            free &= !Readiness.port("127.0.0.1", Part.KAFKA_CONTROLLER_PORT + offset).isReady();
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset");
    }

    /** A jar Maven put on this test's classpath (the reactor's build or the local repository's), if any. */
    static Optional<Path> jarOnClasspath(String artifactId) {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(e -> e.endsWith(".jar") && Path.of(e).getFileName().toString().startsWith(artifactId))
                .map(Path::of)
                .findFirst();
    }

    /** A builder for a platform of infrastructure and the identity provider only (the services are not built before this module). */
    static PlatformConfig.Builder infrastructure(Path data, int offset) {
        PlatformConfig.Builder builder = PlatformConfig.builder(repository(), data)
                .only(Part.POSTGRES, Part.KAFKA, Part.MONGO, Part.IDENTITY)
                .portOffset(offset);
        jarOnClasspath("mongo-standin").ifPresent(jar -> builder.jar(Part.MONGO, jar));
        jarOnClasspath("dev-identity-provider").ifPresent(jar -> builder.jar(Part.IDENTITY, jar));
        return builder;
    }

    static HttpResponse<String> postJson(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A token from the development identity provider's {@code POST /dev/token}. */
    static String devToken(String issuer, String subject, String role) throws Exception {
        HttpResponse<String> response = postJson(issuer.replace("localhost", "127.0.0.1") + "/dev/token",
                "{\"sub\": \"" + subject + "\", \"roles\": [\"" + role + "\"]}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/dev/token answered " + response.statusCode() + ": " + response.body());
        }
        return Document.parse(response.body()).getString("access_token");
    }

    /** Claims of a JWT whose RS256 signature verifies against a key of the JWKS at {@code jwksUrl}; fails otherwise. */
    static Document verifiedClaims(String token, String jwksUrl) throws Exception {
        String[] parts = token.split("\\.");
        Document header = Document.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        List<Document> keys = Document.parse(get(jwksUrl)).getList("keys", Document.class);
        Document jwk = keys.stream().filter(k -> k.getString("kid").equals(header.getString("kid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + header.getString("kid") + " in " + jwksUrl));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new AssertionError("signature does not verify");
        }
        return Document.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
