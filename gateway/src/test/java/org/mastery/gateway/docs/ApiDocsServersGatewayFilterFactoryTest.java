package org.mastery.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;

class ApiDocsServersGatewayFilterFactoryTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ApiDocsServersGatewayFilterFactory factory = new ApiDocsServersGatewayFilterFactory(
            new ModifyResponseBodyGatewayFilterFactory(List.of(), Set.of(), Set.of()), mapper);

    @Test
    void theServiceAddressIsReplacedByTheGatewaysOwnOrigin() throws Exception {
        String doc = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"curriculum\"},"
                + "\"servers\":[{\"url\":\"http://127.0.0.1:8081\",\"description\":\"Generated server url\"}],"
                + "\"paths\":{\"/api/frameworks\":{}}}";
        JsonNode rewritten = mapper.readTree(factory.rewrite(doc));
        assertThat(rewritten.path("servers")).hasSize(1);
        assertThat(rewritten.path("servers").get(0).path("url").asText()).isEqualTo("/");
        assertThat(rewritten.path("paths").has("/api/frameworks")).isTrue();
        assertThat(rewritten.path("info").path("title").asText()).isEqualTo("curriculum");
    }

    @Test
    void aDocumentWithoutServersGetsTheGateway() throws Exception {
        JsonNode rewritten = mapper.readTree(factory.rewrite("{\"openapi\":\"3.0.1\",\"paths\":{}}"));
        assertThat(rewritten.path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void anythingElsePassesUnchanged() {
        String problem = "{\"type\":\"about:blank\",\"status\":500}";
        assertThat(factory.rewrite(problem)).isEqualTo(problem);
        assertThat(factory.rewrite("<html>oops</html>")).isEqualTo("<html>oops</html>");
        assertThat(factory.rewrite("[1,2]")).isEqualTo("[1,2]");
        assertThat(factory.rewrite(null)).isNull();
    }
}
