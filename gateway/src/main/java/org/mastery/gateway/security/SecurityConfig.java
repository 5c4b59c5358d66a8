package org.mastery.gateway.security;

import org.mastery.gateway.config.GatewayProperties;
import org.mastery.gateway.web.CorsFilter;
import org.mastery.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * One auth scheme at the front door: a JWT bearer token from the configured OIDC issuer, checked for
 * signature (the issuer's JWKS), issuer and expiry. The token is relayed unchanged and every service
 * checks it again (no service trusts the network). Health, API docs and CORS preflights are open.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    static final String[] OPEN = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    public SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Problems problems, GatewayProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // CORS first, answered as problem+json when refused; preflights never need a token
                .addFilterAt(new CorsFilter(properties.cors(), problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(auth -> auth
                        .pathMatchers(OPEN).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(new RolesClaimConverter())))
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDenied(problems)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(entryPoint(problems))
                        .accessDeniedHandler(accessDenied(problems)))
                .build();
    }

    @Bean
    public ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
        GatewayProperties.Oidc oidc = properties.oidc();
        log.info("Accepting bearer tokens from issuer {} (keys from {})", oidc.issuer(), oidc.jwks());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwks()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(oidc.issuer()));
        return keysUnavailableAsJwtException(decoder);
    }

    /**
     * When the issuer's keys cannot be fetched, Nimbus' decoder fails with a plain
     * {@code IllegalStateException}; as a {@link JwtException} it becomes Spring Security's
     * {@code AuthenticationServiceException}, which the error handler answers with 503 (the identity
     * provider is unreachable) instead of 500. Bad tokens ({@code BadJwtException}) stay 401.
     */
    static ReactiveJwtDecoder keysUnavailableAsJwtException(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
                e -> new JwtException("The identity provider's keys could not be obtained", e));
    }

    /** Requests Spring Security's firewall refuses (encoded slashes, "..", odd methods) answer problem+json too. */
    @Bean
    public ServerExchangeRejectedHandler problemExchangeRejectedHandler(Problems problems) {
        return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "Malformed request",
                "The request path or method was rejected as unsafe");
    }

    static ServerAuthenticationEntryPoint entryPoint(Problems problems) {
        return (exchange, ex) -> {
            boolean presented = ex instanceof InvalidBearerTokenException
                    || exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    presented ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthenticated", presented
                    ? "The bearer token is not valid: it is malformed, expired, not signed by the configured identity provider or issued by another issuer"
                    : "A valid bearer token from the configured identity provider is required");
        };
    }

    static ServerAccessDeniedHandler accessDenied(Problems problems) {
        return (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role does not allow this action");
    }
}
