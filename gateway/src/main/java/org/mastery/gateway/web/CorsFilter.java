package org.mastery.gateway.web;

import org.mastery.gateway.config.GatewayProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for web clients, from configuration ({@code mastery.gateway.cors.*}). Like Spring's
 * {@code CorsWebFilter}, but a refused cross-origin request is answered with problem+json.
 * Runs inside the security chain before authentication, so preflights need no token.
 */
public class CorsFilter implements WebFilter {

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final Problems problems;

    public CorsFilter(GatewayProperties.Cors cors, Problems problems) {
        this.problems = problems;
        CorsConfiguration config = new CorsConfiguration();
        // patterns, so an operator may allow e.g. https://*.district.example
        config.setAllowedOriginPatterns(cors.allowedOrigins());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(cors.exposedHeaders());
        config.setMaxAge(cors.maxAge());
        config.setAllowCredentials(false); // bearer tokens, no cookies
        source.registerCorsConfiguration("/**", config);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (!processor.process(config, exchange)) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "CORS request refused",
                    "This origin, method or header is not allowed for cross-origin requests to the Mastery API");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
