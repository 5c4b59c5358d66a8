package org.mastery.reporting.people.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a person's display name from curriculum-service ({@code GET /api/roster/people/{id}}) with the
 * caller's own bearer token, so curriculum decides what this caller may see. Only a display name is
 * kept: never e-mail or contact data. When curriculum is unreachable the client answers "no name"
 * at once and does not try again for a while, so reports degrade to ids instead of slowing down.
 */
public class CurriculumPeopleClient {

    private static final Logger log = LoggerFactory.getLogger(CurriculumPeopleClient.class);

    private final HttpClient http;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final Duration backOff;
    private final Clock clock;
    private volatile Instant downUntil = Instant.MIN;

    public CurriculumPeopleClient(String baseUrl, ObjectMapper json, Duration connectTimeout, Duration requestTimeout,
                                  Duration backOff, Clock clock) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.backOff = backOff;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public boolean available() {
        return clock.instant().isAfter(downUntil);
    }

    /** The person's display name, if curriculum knows it and lets this caller see it. */
    public Optional<String> displayName(String personId, String bearerToken) {
        if (!available() || bearerToken == null) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/roster/people/"
                        + URLEncoder.encode(personId, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return nameOf(json.readTree(response.body()));
            }
            if (response.statusCode() >= 500) {
                markDown("answered " + response.statusCode());
            }
            return Optional.empty();
        } catch (IOException e) {
            markDown(e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void markDown(String why) {
        downUntil = clock.instant().plus(backOff);
        log.warn("curriculum-service people lookup failed ({}); showing ids only for {}", why, backOff);
    }

    static Optional<String> nameOf(JsonNode person) {
        for (String field : new String[] {"displayName", "preferredName", "name"}) {
            JsonNode value = person.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
        }
        String given = text(person, "givenName");
        String family = text(person, "familyName");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
