package org.mastery.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code ApiDocsServers} route filter: a service's OpenAPI document names the address the service
 * saw ({@code http://127.0.0.1:8081}); through the gateway the API lives at the gateway, so the
 * document's {@code servers} become the gateway's own origin ({@code "/"}, relative to where the
 * document was fetched). Swagger UI's "Try it out" then goes through the front door, with its
 * token, rate limits and circuit breakers. A body that is not a JSON object passes unchanged.
 */
@Component
public class ApiDocsServersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final ObjectMapper objectMapper;

    public ApiDocsServersGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, ObjectMapper objectMapper) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.objectMapper = objectMapper;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, body) -> Mono.justOrEmpty(rewrite(body))));
    }

    String rewrite(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode doc = objectMapper.readTree(body);
            if (!(doc instanceof ObjectNode object) || !object.has("openapi")) {
                return body;
            }
            ArrayNode servers = objectMapper.createArrayNode();
            servers.addObject().put("url", "/").put("description", "Mastery gateway");
            object.set("servers", servers);
            return objectMapper.writeValueAsString(object);
        } catch (IOException e) {
            return body;
        }
    }
}
