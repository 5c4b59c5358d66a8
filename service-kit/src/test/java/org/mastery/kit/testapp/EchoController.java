package org.mastery.kit.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A write endpoint of each body kind, to exercise how the kit reads request bodies. */
@RestController
public class EchoController {

    public enum Kind { SMALL, LARGE }

    public record Echo(@NotBlank @Size(max = 20) String name, Integer count, Double ratio, Boolean flag, Kind kind,
                       Instant at, List<String> tags, Nested nested) {
    }

    public record Nested(String note) {
    }

    @PostMapping("/api/echo")
    public Echo echo(@Valid @RequestBody Echo body) {
        return body;
    }

    @PostMapping("/api/echo/raw")
    public Map<String, Object> raw(@RequestBody JsonNode body) {
        return Map.of("size", body.size());
    }

    @PostMapping("/api/echo/{id}/publish")
    public Map<String, Object> publish(@org.springframework.web.bind.annotation.PathVariable String id) {
        return Map.of("published", id);
    }

    @PostMapping("/api/echo/bytes")
    public Map<String, Object> bytes(@RequestBody byte[] body) {
        return Map.of("size", body.length);
    }
}
