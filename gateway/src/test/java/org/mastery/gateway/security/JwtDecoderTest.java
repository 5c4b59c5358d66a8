package org.mastery.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.mastery.gateway.config.GatewayProperties;
import org.mastery.gateway.support.TestTokens;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The gateway's decoder against a live test JWKS and against an identity provider that is down. */
class JwtDecoderTest {

    private final SecurityConfig config = new SecurityConfig();

    @Test
    void aTokenFromTheIssuerIsAcceptedAndBadOnesAreBadTokens() {
        ReactiveJwtDecoder decoder = decoder(TestTokens.ISSUER, TestTokens.instance().jwkSetUri());
        Jwt jwt = decoder.decode(TestTokens.token("teacher-9", "TEACHER")).block();
        assertThat(jwt.getSubject()).isEqualTo("teacher-9");

        assertThatThrownBy(() -> decoder.decode(TestTokens.expired("teacher-9")).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.fromOtherIssuer("teacher-9")).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByStranger("teacher-9")).block()).isInstanceOf(BadJwtException.class);
    }

    @Test
    void unreachableKeysAreAJwtExceptionButNotABadToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReactiveJwtDecoder decoder = decoder(TestTokens.ISSUER, "http://127.0.0.1:" + closedPort + "/oauth2/jwks");
        assertThatThrownBy(() -> decoder.decode(TestTokens.token("teacher-9", "TEACHER")).block())
                .isInstanceOf(JwtException.class)
                .isNotInstanceOf(BadJwtException.class)
                .hasMessageContaining("keys could not be obtained");
    }

    private ReactiveJwtDecoder decoder(String issuer, String jwks) {
        return config.jwtDecoder(new GatewayProperties(new GatewayProperties.Oidc(issuer, jwks), null, null, null, null, java.util.Map.of()));
    }
}
