package org.mastery.identity.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mastery.identity.keys.SigningKeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server wiring: the protocol endpoints, the login page for people, the
 * persisted signing key, and the {@code roles} claim in every access and ID token.
 *
 * <p>Clients (a public PKCE web client and a client-credentials script client) are registered
 * through Spring Boot's {@code spring.security.oauth2.authorizationserver.client.*} properties,
 * and the issuer through {@code spring.security.oauth2.authorizationserver.issuer}.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    /** The protocol endpoints: authorize, token, JWKS, discovery, userinfo, introspection, revocation. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                // a person who is not signed in is sent to the login page, then back to /oauth2/authorize
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // the userinfo endpoint accepts our own access tokens
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * {@code /dev/**} is stateless and open in every profile, so that outside the {@code local}
     * profile, where no handler is mapped there, a request finds a plain 404 rather than a login
     * redirect or a CSRF refusal: the endpoint is absent, not hidden.
     */
    @Bean
    @Order(2)
    SecurityFilterChain devChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/dev/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** Everything else: the login page, the start page and health are open; the rest needs a session. */
    @Bean
    @Order(3)
    SecurityFilterChain defaultChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    RSAKey signingKey(IdentityProperties properties) {
        return SigningKeyStore.loadOrCreate(properties.keyFile());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    UserDetailsService demoUsers(IdentityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> users.add(User.withUsername(name)
                .password(user.password())
                .roles(user.roles().toArray(String[]::new))
                .build()));
        return new InMemoryUserDetailsManager(users);
    }

    /** Who the demo accounts are in the demo district, once its loader has said so (see {@link DemoSubjects}). */
    @Bean
    DemoSubjects demoSubjects(IdentityProperties properties) {
        return DemoSubjects.besideKey(properties.keyFile());
    }

    /**
     * Puts {@code roles} into access and ID tokens: a person's roles from their account (and their
     * configured subject as {@code sub}, or the demo district's person for a demo account); a script
     * client's roles from {@code mastery.identity.client-roles}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesClaim(IdentityProperties properties, DemoSubjects demoSubjects) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                String clientId = context.getRegisteredClient().getClientId();
                context.getClaims().claim("roles", properties.clientRoles().getOrDefault(clientId, List.of()));
                return;
            }
            String username = context.getPrincipal().getName();
            List<String> roles = new ArrayList<>();
            for (GrantedAuthority authority : context.getPrincipal().getAuthorities()) {
                String name = authority.getAuthority();
                if (name.startsWith("ROLE_") && IdentityProperties.ROLES.contains(name.substring(5))) {
                    roles.add(name.substring(5));
                }
            }
            context.getClaims().claim("roles", roles);
            Map<String, IdentityProperties.DemoUser> users = properties.users();
            IdentityProperties.DemoUser user = users.get(username);
            if (user != null && user.subject() != null && !user.subject().isBlank()) {
                context.getClaims().subject(user.subject());
            }
            if (user != null) {
                demoSubjects.subjectOf(username).ifPresent(subject -> context.getClaims().subject(subject));
            }
        };
    }
}
