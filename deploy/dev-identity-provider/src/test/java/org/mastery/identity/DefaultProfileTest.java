package org.mastery.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastery.identity.IdentityTestSupport.get;
import static org.mastery.identity.IdentityTestSupport.json;
import static org.mastery.identity.IdentityTestSupport.postJson;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mastery.identity.dev.DevTokenController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Any profile but {@code local}: the issuer works, and {@code /dev/token} does not exist. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultProfileTest {

    @TempDir
    static Path keyDirectory;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mastery.identity.key-file", () -> keyDirectory.resolve("signing-key.json").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dev_token_endpoint_does_not_exist() throws Exception {
        HttpResponse<String> response = postJson(http, "http://127.0.0.1:" + port + "/dev/token",
                "{\"sub\": \"teacher-1\", \"roles\": [\"TEACHER\"]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("access_token");
        assertThat(context.getBeanNamesForType(DevTokenController.class)).isEmpty();
    }

    @Test
    void dev_token_answers_exactly_like_any_unknown_path() throws Exception {
        HttpResponse<String> devToken = postJson(http, "http://127.0.0.1:" + port + "/dev/token", "{}");
        HttpResponse<String> unknown = postJson(http, "http://127.0.0.1:" + port + "/dev/no-such-thing", "{}");

        assertThat(devToken.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void the_issuer_itself_still_works() throws Exception {
        HttpResponse<String> jwks = get(http, "http://127.0.0.1:" + port + "/oauth2/jwks", "application/json");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(json(jwks).path("keys")).hasSize(1);
    }
}
