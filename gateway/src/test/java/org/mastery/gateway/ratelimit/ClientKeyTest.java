package org.mastery.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who counts as "a client" for the rate limit. */
class ClientKeyTest {

    private final MockServerHttpRequest request = MockServerHttpRequest.get("/api/frameworks")
            .remoteAddress(new InetSocketAddress("203.0.113.7", 51234)).build();

    @Test
    void aTokenHolderIsCountedByTheTokensSubjectWhateverTheAddress() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("teacher-7").claim("roles", List.of("TEACHER")).build();
        MockServerWebExchange exchange = MockServerWebExchange.builder(request)
                .principal(new JwtAuthenticationToken(jwt, List.of(), "teacher-7")).build();
        assertThat(RateLimitFilter.clientKey(exchange).block()).isEqualTo("sub:teacher-7");
    }

    @Test
    void withoutATokenTheClientsAddressCounts() {
        assertThat(RateLimitFilter.clientKey(MockServerWebExchange.from(request)).block()).isEqualTo("ip:203.0.113.7");

        MockServerWebExchange anonymous = MockServerWebExchange.builder(request)
                .principal(new AnonymousAuthenticationToken("k", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))
                .build();
        assertThat(RateLimitFilter.clientKey(anonymous).block()).isEqualTo("ip:203.0.113.7");
    }
}
