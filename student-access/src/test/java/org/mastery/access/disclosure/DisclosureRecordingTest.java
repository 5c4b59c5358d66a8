package org.mastery.access.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.spring.AccessProblemAdvice;
import org.mastery.contracts.access.AccessEventType;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.kit.publication.PublishedEvent;
import org.mastery.testsupport.contracts.ContractSamples;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Which answers record a disclosure, what it holds, and that an unrecorded disclosure is not made. */
class DisclosureRecordingTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:41:07Z");
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    final List<EventMessage<?>> stored = new ArrayList<>();
    volatile boolean storeDown;
    MockMvc mvc;

    @RestController
    static class Records {

        @GetMapping("/api/students/{studentId}/progress")
        @DisclosesStudentRecord(record = "progress", studentIdVariable = "studentId")
        Map<String, Object> progress(@PathVariable String studentId) {
            if (studentId.startsWith("stu-invisible")) {
                throw new NoSuchObjectException("student", studentId);
            }
            return Map.of("studentId", studentId, "state", "MASTERED");
        }

        @GetMapping("/api/classes/{classId}/students")
        @DisclosesStudentRecord(record = "class-list")
        List<String> classList(@PathVariable String classId) {
            List<String> students = List.of("stu-1", "stu-2", "stu-1");
            StudentRecordDisclosures.addAll(students);
            return students;
        }

        @GetMapping("/api/students/{studentId}/ping")
        @DisclosesStudentRecord(record = "ping", studentIdVariable = "studentId")
        ResponseEntity<Void> ping(@PathVariable String studentId) {
            return ResponseEntity.noContent().build();
        }

        @GetMapping("/api/frameworks/{id}")
        Map<String, Object> framework(@PathVariable String id) {
            return Map.of("frameworkId", id);
        }
    }

    @BeforeEach
    void setUp() {
        EventGateway gateway = new EventGateway() {
            @Override
            public void publish(List<?> events) {
                if (storeDown) {
                    throw new IllegalStateException("event store unavailable");
                }
                events.forEach(e -> stored.add((EventMessage<?>) e));
            }

            @Override
            public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super EventMessage<?>> interceptor) {
                return () -> true;
            }
        };
        DisclosureRecorder recorder = new DisclosureRecorder(() -> gateway, "progression", Clock.fixed(NOW, ZoneOffset.UTC));
        DisclosureInterceptor interceptor = new DisclosureInterceptor(recorder);
        mvc = MockMvcBuilders.standaloneSetup(new Records())
                .addInterceptors(interceptor)
                .setControllerAdvice(interceptor, new AccessProblemAdvice())
                .build();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("grd-7", "n/a", "ROLE_GUARDIAN", "ROLE_TEACHER"));
        MDC.put("correlationId", "corr-42");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        MDC.remove("correlationId");
    }

    List<StudentRecordDisclosed> disclosures() {
        return stored.stream().map(m -> (StudentRecordDisclosed) m.getPayload()).toList();
    }

    @Test
    void aSuccessfulReadOfAStudentRecordsWhoWhichStudentWhichEndpointWhenAndTheCorrelationId() throws Exception {
        mvc.perform(get("/api/students/stu-1/progress")).andExpect(status().isOk());
        assertThat(disclosures()).containsExactly(new StudentRecordDisclosed("stu-1", "grd-7", List.of("GUARDIAN", "TEACHER"),
                "progression", "GET /api/students/{studentId}/progress", "progress", NOW, "corr-42"));
        assertThat(stored.get(0).getMetaData()).containsEntry("correlationId", "corr-42");
    }

    @Test
    void aRefusedReadRecordsNothing() throws Exception {
        mvc.perform(get("/api/students/stu-invisible-1/progress")).andExpect(status().isNotFound());
        assertThat(stored).isEmpty();
    }

    @Test
    void readsOfNoStudentRecordNothing() throws Exception {
        mvc.perform(get("/api/frameworks/fw-1")).andExpect(status().isOk());
        assertThat(stored).isEmpty();
    }

    @Test
    void aHandlerNamesTheStudentsItDisclosesEachOnce() throws Exception {
        mvc.perform(get("/api/classes/cls-1/students")).andExpect(status().isOk());
        assertThat(disclosures()).extracting(StudentRecordDisclosed::studentId).containsExactly("stu-1", "stu-2");
        assertThat(disclosures()).extracting(StudentRecordDisclosed::record).containsOnly("class-list");
    }

    @Test
    void anAnswerWithoutABodyIsRecordedWhenItCompletes() throws Exception {
        mvc.perform(get("/api/students/stu-3/ping")).andExpect(status().isNoContent());
        assertThat(disclosures()).extracting(StudentRecordDisclosed::studentId).containsExactly("stu-3");
    }

    @Test
    void aDisclosureThatCannotBeRecordedIsNotMade() throws Exception {
        storeDown = true;
        String body = mvc.perform(get("/api/students/stu-1/progress")).andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("MASTERED").contains("could not be recorded");
        assertThat(stored).isEmpty();
    }

    @Test
    void theDisclosureIsPublishedOnTheServicesTopicKeyedByStudentAndValidAgainstTheContract() {
        DisclosurePublicationMapper mapper = new DisclosurePublicationMapper("progression");
        StudentRecordDisclosed disclosed = new StudentRecordDisclosed("stu-1", "grd-7", List.of("GUARDIAN"), "progression",
                "GET /api/students/{studentId}/progress", "progress", NOW, "corr-42");
        PublishedEvent published = mapper.map(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(disclosed)).orElseThrow();
        assertThat(published.topic()).isEqualTo(AccessTopics.PROGRESSION_DISCLOSURES);
        assertThat(published.key()).isEqualTo("stu-1");
        assertThat(published.subject()).isEqualTo("stu-1");
        assertThat(published.type()).isEqualTo("access.StudentRecordDisclosed");
        JsonNode data = JSON.valueToTree(published.data());
        ContractSamples.assertValid(AccessEventType.class, AccessEventType.STUDENT_RECORD_DISCLOSED.schemaResource(), data);
        assertThat(mapper.map(org.axonframework.eventhandling.GenericEventMessage.asEventMessage("something else"))).isEmpty();
    }
}
