package org.mastery.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mastery.kit.testapp.KitTestApplication;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.UsesInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How every service reads request bodies: strict JSON, clear problems without internals, size limits. */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mastery.web.max-body-size=64KB", "mastery.web.body-size-limits.[/api/echo/bytes]=1MB"})
@UsesInfrastructure
class WebHardeningTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String TOKEN = TestIdentity.token("tch-1", "TEACHER");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    record Answer(int status, String contentType, JsonNode body) {
        String detail() {
            return body.path("detail").asText();
        }
    }

    Answer post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    Answer post(String path, String jsonBody) throws Exception {
        return post(path, "application/json", jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    Answer answer(HttpResponse<byte[]> response) throws Exception {
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), type, body);
    }

    static void assertProblem(Answer answer, int status, String detailContains) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.detail()).contains(detailContains);
        // never the service's internals
        assertThat(answer.body().toString()).doesNotContain("org.mastery").doesNotContain("com.fasterxml").doesNotContain("java.")
                .doesNotContain("Exception").doesNotContain("\\tat ");
    }

    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder tokens;

    @Test
    void theServiceRemembersVerifiedTokensAndStillRefusesATamperedOne() throws Exception {
        assertThat(tokens).isInstanceOf(org.mastery.kit.security.VerifiedTokenCache.class);
        assertThat(post("/api/echo", "{\"name\":\"Ada\"}").status()).isEqualTo(200);
        assertThat(post("/api/echo", "{\"name\":\"Ada\"}").status()).isEqualTo(200);
        // the same claims with another signature: not the token that was verified
        String[] parts = TOKEN.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/echo"))
                .header("Authorization", "Bearer " + forged).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}")).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        Answer ok = post("/api/echo", "{\"name\":\"Ada\",\"count\":3,\"ratio\":0.5,\"flag\":true,\"kind\":\"SMALL\","
                + "\"at\":\"2026-11-25T10:15:30Z\",\"tags\":[\"a\"],\"nested\":{\"note\":\"x\"}}");
        assertThat(ok.status()).as("%s", ok.body()).isEqualTo(200);
        assertThat(ok.body().path("count").asInt()).isEqualTo(3);
    }

    @Test
    void unknownFieldsAreRefusedNamingTheField() throws Exception {
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"expiresat\":\"2027-01-01\"}"), 400, "unknown field 'expiresat' at '$'");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"nested\":{\"nope\":1}}"), 400, "unknown field 'nope' at '$.nested'");
    }

    @Test
    void typesAreNotGuessed() throws Exception {
        assertProblem(post("/api/echo", "{\"name\":42}"), 400, "'$.name' must be a string");
        assertProblem(post("/api/echo", "{\"name\":true}"), 400, "'$.name' must be a string");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"count\":\"3\"}"), 400, "'$.count' must be a whole number");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"count\":2.5}"), 400, "'$.count' must be a whole number");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"ratio\":\"0.5\"}"), 400, "'$.ratio' must be a number");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"flag\":\"yes\"}"), 400, "'$.flag' must be true or false");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"flag\":1}"), 400, "'$.flag' must be true or false");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"kind\":\"HUGE\"}"), 400, "'$.kind' must be one of [SMALL, LARGE]");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"kind\":0}"), 400, "'$.kind' must be one of [SMALL, LARGE]");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"at\":\"yesterday\"}"), 400, "'$.at' must be an ISO-8601 instant");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"at\":12345}"), 400, "'$.at' must be an ISO-8601 instant");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"tags\":\"a\"}"), 400, "'$.tags' must be an array");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"nested\":\"x\"}"), 400, "'$.nested' must be an object");
        assertProblem(post("/api/echo", "{\"name\":{\"$gt\":\"\"}}"), 400, "'$.name' must be a string");
        assertProblem(post("/api/echo", "[]"), 400, "the body must be an object");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"count\":99999999999}"), 400, "out of range");
        assertProblem(post("/api/echo", "{\"name\":\"A\\u0000da\"}"), 400, "'$.name' must not contain control characters");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"tags\":[\"ok\",\"\\u001b[31m\"]}"), 400, "'$.tags[1]' must not contain control characters");
        assertThat(post("/api/echo", "{\"name\":\"Ada\",\"nested\":{\"note\":\"two\\nlines\\tand a tab\"}}").status()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsRefusedWithoutEchoingIt() throws Exception {
        assertProblem(post("/api/echo", "{\"name\": "), 400, "the JSON ends too early");
        assertProblem(post("/api/echo", "{'name': 'Ada'}"), 400, "malformed JSON at line 1");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\"} {\"name\":\"Bob\"}"), 400, "content after the JSON value");
        assertProblem(post("/api/echo", "{\"name\":\"Ada\",\"name\":\"Bob\"}"), 400, "a field appears twice");
        assertProblem(post("/api/echo", ""), 400, "the request body is missing");
        assertProblem(post("/api/echo", "application/json", new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                400, "not valid UTF-8");
        assertProblem(post("/api/echo/raw", "[".repeat(10_000) + "]".repeat(10_000)), 400, "nested too deeply");
        assertProblem(post("/api/echo", "[".repeat(10_000) + "]".repeat(10_000)), 400, "must be an object");
        assertProblem(post("/api/echo", "text/plain", "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8)), 415, "not supported");
    }

    @Test
    void anEndpointThatTakesNoBodyRefusesOneButNotAnEmptyOne() throws Exception {
        assertThat(post("/api/echo/e-1/publish", "application/json", new byte[0]).status()).isEqualTo(200);
        assertThat(post("/api/echo/e-1/publish", "{}").status()).isEqualTo(200);
        assertProblem(post("/api/echo/e-1/publish", "{\"force\":true}"), 400, "takes no request body (unknown field 'force')");
        assertProblem(post("/api/echo/e-1/publish", "not json"), 400, "takes no request body");
        assertProblem(post("/api/echo/e-1/publish", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 400, "takes no request body");
    }

    @Test
    void bodiesAboveTheLimitAreRefusedWith413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(100_000) + "\"}";
        assertProblem(post("/api/echo", huge), 413, "larger than this endpoint accepts (64 KB)");
        // a body of undeclared length (chunked) is counted while it is read
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/echo"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertProblem(answer(HTTP.send(chunked, HttpResponse.BodyHandlers.ofByteArray())), 413, "larger than this endpoint accepts");
        // a path with its own limit
        Answer bigButAllowed = post("/api/echo/bytes", "application/octet-stream", new byte[200_000]);
        assertThat(bigButAllowed.status()).isEqualTo(200);
        assertProblem(post("/api/echo/bytes", "application/octet-stream", new byte[1_100_000]), 413, "1024 KB");
    }

    @Test
    void urlsRefusedByTheFirewallAndContainerErrorsAreProblemsToo() throws Exception {
        HttpRequest semicolon = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/echo/%3B%20DROP%20TABLE"))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        Answer rejected = answer(HTTP.send(semicolon, HttpResponse.BodyHandlers.ofByteArray()));
        assertProblem(rejected, 400, "characters this service does not accept");
        // an encoded slash in an id (Tomcat refuses it itself by default, with an HTML page)
        HttpRequest slash = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/echo/..%2F..%2Fetc%2Fpasswd"))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        assertProblem(answer(HTTP.send(slash, HttpResponse.BodyHandlers.ofByteArray())), 400, "characters this service does not accept");
        // multipart without a boundary
        assertProblem(post("/api/echo", "multipart/form-data", "{}".getBytes(StandardCharsets.UTF_8)), 400, "multipart");
        HttpRequest notThere = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        Answer error = answer(HTTP.send(notThere, HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(error.contentType()).startsWith("application/problem+json");
        assertThat(error.detail()).isNotBlank();
    }
}
