package org.mastery.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The development identity provider: a real OAuth2/OIDC issuer for the local platform.
 *
 * <p>Spring Authorization Server issues RS256 JWT access tokens carrying {@code sub} and a
 * {@code roles} claim; the services and the gateway validate them against {@code /oauth2/jwks}.
 * In the {@code local} profile only, {@code POST /dev/token} mints a token for scripting.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIdentityProviderApplication.class, args);
    }
}
