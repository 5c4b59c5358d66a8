package org.mastery.kit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service validates the bearer token itself (no service trusts the network): the JWT's
 * signature against the issuer's keys, its issuer and expiry. Health, metrics and API docs are open.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityAutoConfiguration {

    /**
     * Wraps the service's token decoder (Spring Boot's, built from the issuer's JWKS) so that a token
     * verified once is not verified again on every request (see {@link VerifiedTokenCache}).
     * {@code mastery.security.verified-tokens.capacity=0} turns it off.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment) {
        int capacity = environment.getProperty("mastery.security.verified-tokens.capacity", Integer.class, 10_000);
        Duration maxAge = environment.getProperty("mastery.security.verified-tokens.max-age", Duration.class, Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (capacity > 0 && bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    return new VerifiedTokenCache(decoder, capacity, maxAge, Clock.systemUTC());
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain masterySecurityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(objectMapper))
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied(objectMapper)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(objectMapper))
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied(objectMapper)));
        return http.build();
    }
}
