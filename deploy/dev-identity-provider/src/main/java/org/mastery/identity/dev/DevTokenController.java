package org.mastery.identity.dev;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mastery.identity.config.IdentityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/token} — a bearer token for any subject and roles, for scripts and curl
 * walkthroughs on a developer's machine. It exists in the {@code local} profile only: the bean is
 * not created in any other profile, so the path answers 404 there.
 *
 * <p>The token is signed with the issuer's key (the one published at {@code /oauth2/jwks}) and
 * carries the issuer, {@code sub}, {@code roles}, issue and expiry times and a unique id, exactly
 * like an access token from the authorization code flow.
 */
@RestController
@Profile("local")
public class DevTokenController {

    private final JwtEncoder encoder;
    private final RSAKey signingKey;
    private final IdentityProperties properties;
    private final String issuer;
    private final Clock clock;

    public DevTokenController(JwtEncoder encoder, RSAKey signingKey, IdentityProperties properties,
                              OAuth2AuthorizationServerProperties server) {
        this.encoder = encoder;
        this.signingKey = signingKey;
        this.properties = properties;
        this.issuer = server.getIssuer();
        this.clock = Clock.systemUTC();
    }

    /** {@code {"sub": "teacher-1", "roles": ["TEACHER"]}} */
    public record DevTokenRequest(
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._:@-]+",
                    message = "may contain only letters, digits and . _ : @ -") String sub,
            @NotNull @NotEmpty @Size(max = 6) List<@NotBlank String> roles) {
    }

    public record DevTokenResponse(@JsonProperty("access_token") String accessToken,
                                   @JsonProperty("token_type") String tokenType,
                                   @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping(path = "/dev/token", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public DevTokenResponse token(@Valid @RequestBody DevTokenRequest request) {
        List<String> roles = new ArrayList<>();
        for (String role : request.roles()) {
            if (!IdentityProperties.ROLES.contains(role)) {
                throw new UnknownRoleException(role);
            }
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        Instant now = clock.instant();
        Instant expires = now.plus(properties.devTokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(request.sub())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expires)
                .id(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (issuer != null && !issuer.isBlank()) {
            claims.issuer(issuer);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new DevTokenResponse(token, "Bearer", properties.devTokenTtl().toSeconds());
    }

    static final class UnknownRoleException extends RuntimeException {
        UnknownRoleException(String role) {
            super("unknown role " + role + "; roles are " + IdentityProperties.ROLES.stream().sorted().toList());
        }
    }
}
