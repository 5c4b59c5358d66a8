package org.mastery.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CurriculumEventType;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.UsesInfrastructure;
import org.mastery.testsupport.contracts.ContractSamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A framework drafted over HTTP is stored, readable back, and published to Kafka in its contract form.
 * Same annotations as {@link org.mastery.curriculum.support.ApiTest}, so all HTTP tests share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure
class WalkingSkeletonTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    @Test
    void aDraftedFrameworkIsReadableAndPublished() throws Exception {
        String teacher = TestIdentity.token("tch-skeleton", "TEACHER");
        ResponseEntity<JsonNode> created = http.exchange("/api/frameworks", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", "Ratios", "subject", "Mathematics", "gradeBand", "6-7"), bearer(teacher)),
                JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("frameworkId").asText();

        try (TopicProbe probe = new TopicProbe(CurriculumTopics.FRAMEWORKS)) {
            var records = probe.readUntil(seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
            JsonNode event = json.readTree(records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value());
            assertThat(event.get("type").asText()).isEqualTo("curriculum.FrameworkDrafted");
            ContractSamples.assertValid(CurriculumEventType.class,
                    CurriculumEventType.FRAMEWORK_DRAFTED.schemaResource(), event.get("data"));
        }

        long deadline = System.currentTimeMillis() + 10_000;
        ResponseEntity<JsonNode> read;
        do {
            read = http.exchange("/api/frameworks/" + id, HttpMethod.GET, new HttpEntity<>(bearer(teacher)), JsonNode.class);
        } while (read.getStatusCode() == HttpStatus.NOT_FOUND && System.currentTimeMillis() < deadline && pause());
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("title").asText()).isEqualTo("Ratios");
    }

    @Test
    void requestsWithoutATokenAreRefusedAsProblemJson() {
        ResponseEntity<JsonNode> refused = http.exchange("/api/frameworks", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", "x"), new HttpHeaders()), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aStudentMayNotDraftAFramework() {
        ResponseEntity<JsonNode> refused = http.exchange("/api/frameworks", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", "x"), bearer(TestIdentity.token("stu-1", "STUDENT"))), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anInvalidBodyIsABadRequestNamingTheField() {
        ResponseEntity<JsonNode> refused = http.exchange("/api/frameworks", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", ""), bearer(TestIdentity.token("tch-1", "TEACHER"))), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("detail").asText()).contains("title");
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
