package org.mastery.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    @Test
    void theIssuerIsNormalisedLikeTheServicesDoAndTheJwksDerivedFromIt() {
        GatewayProperties.Oidc withSlash = new GatewayProperties.Oidc("http://localhost:9000/", null);
        assertThat(withSlash.issuer()).isEqualTo("http://localhost:9000");
        assertThat(withSlash.jwks()).isEqualTo("http://localhost:9000/oauth2/jwks");

        GatewayProperties.Oidc explicit = new GatewayProperties.Oidc("https://id.district.example", "https://keys.district.example/jwks");
        assertThat(explicit.issuer()).isEqualTo("https://id.district.example");
        assertThat(explicit.jwks()).isEqualTo("https://keys.district.example/jwks");

        assertThat(new GatewayProperties.Oidc("http://localhost:9000", "").jwks()).isEqualTo("http://localhost:9000/oauth2/jwks");
    }
}
