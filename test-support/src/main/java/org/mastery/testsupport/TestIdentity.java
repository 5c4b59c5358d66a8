package org.mastery.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for tests: an RSA key whose public half is served as a JWKS on a loopback port,
 * and signed JWTs shaped like the development identity provider's ({@code sub}, {@code roles}).
 */
public final class TestIdentity {

    public static final String ISSUER = "http://test-issuer.mastery.local";

    private static TestIdentity instance;

    private final RSAKey key;
    private final String jwkSetUri;

    private TestIdentity() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("could not start the test identity provider", e);
        }
    }

    public static synchronized TestIdentity instance() {
        if (instance == null) {
            instance = new TestIdentity();
        }
        return instance;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** A bearer token for {@code subject} with the given roles, valid for an hour. */
    public static String token(String subject, String... roles) {
        return instance().sign(subject, List.of(roles), ISSUER, Duration.ofHours(1));
    }

    public String sign(String subject, List<String> roles, String issuer, Duration validity) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("roles", roles)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(validity)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
