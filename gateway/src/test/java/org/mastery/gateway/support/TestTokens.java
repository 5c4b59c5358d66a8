package org.mastery.gateway.support;

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
 * A token issuer for the gateway's tests, shaped like the development identity provider
 * ({@code sub}, {@code roles}): an RSA key whose public half is served as a JWKS on a loopback port,
 * and a second key the gateway has never seen, to forge tokens with.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.mastery.local";

    static {
        // answer in one write: without it, small answers wait on Nagle + delayed ACK (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey stranger;
    private final String jwkSetUri;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(); // same kid, other key
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("could not start the test token issuer", e);
        }
    }

    public static synchronized TestTokens instance() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** A valid token for {@code subject} with the given roles. */
    public static String token(String subject, String... roles) {
        return instance().sign(instance().key, subject, List.of(roles), ISSUER, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String expired(String subject) {
        return instance().sign(instance().key, subject, List.of("TEACHER"), ISSUER, Instant.now().minus(Duration.ofHours(1)));
    }

    public static String fromOtherIssuer(String subject) {
        return instance().sign(instance().key, subject, List.of("TEACHER"), "http://elsewhere.example",
                Instant.now().plus(Duration.ofHours(1)));
    }

    public static String signedByStranger(String subject) {
        return instance().sign(instance().stranger, subject, List.of("TEACHER"), ISSUER, Instant.now().plus(Duration.ofHours(1)));
    }

    private String sign(RSAKey signingKey, String subject, List<String> roles, String issuer, Instant expiry) {
        try {
            Instant issued = expiry.minus(Duration.ofHours(2));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("roles", roles)
                    .issueTime(Date.from(issued.isBefore(Instant.now()) ? issued : Instant.now()))
                    .expirationTime(Date.from(expiry))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
