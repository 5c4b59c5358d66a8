package org.mastery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The district's curriculum, as its mathematics coordinator would set it up: the CASE package is
 * imported as it came from the standards publisher, then every learning target gets its "I can…"
 * statement, what mastery looks like, three progression phases with resources and, for a few, a
 * policy other than the default; then the framework is published and the courses are given their
 * competencies and credits.
 */
final class Curriculum {

    static final String CASE_PACKAGE = "/case/ratios-6-7.json";
    static final String AUTHORING = "/case/ratios-6-7-authoring.json";

    /** The grade 5 ideas Math 6's ratio work starts from (its readiness check), a half-credit review course. */
    static final List<String> FOUNDATIONS = List.of("5.NBT.B.6", "5.NF.B.3");
    static final List<String> MATH_6 = List.of("6.RP.A.1.LT1", "6.RP.A.1.LT2", "6.RP.A.2.LT1", "6.RP.A.2.LT2", "6.RP.A.3a.LT1",
            "6.RP.A.3a.LT2", "6.RP.A.3a.LT3", "6.RP.A.3b.LT1", "6.RP.A.3b.LT2", "6.RP.A.3c.LT1", "6.RP.A.3c.LT2", "6.RP.A.3d.LT1");
    static final List<String> MATH_7A = List.of("7.RP.A.1.LT1", "7.RP.A.1.LT2", "7.RP.A.2a.LT1", "7.RP.A.2a.LT2", "7.RP.A.2b.LT1",
            "7.RP.A.2c.LT1", "7.RP.A.2d.LT1", "7.RP.A.3.LT1", "7.RP.A.3.LT2", "7.RP.A.3.LT3");

    /** What the loader knows of a competency once the framework is in. */
    record Competency(String id, String code, String statement, String iCan, double difficulty, boolean assessable,
                      List<String> prerequisiteIds) {
    }

    String frameworkId;
    int itemsImported;
    int authored;
    boolean publishedNow;
    final Map<String, Competency> byCode = new LinkedHashMap<>();
    final Map<String, String> codeById = new LinkedHashMap<>();

    static byte[] casePackage() {
        return resource(CASE_PACKAGE);
    }

    static JsonNode authoring() {
        try {
            return Gateway.JSON.readTree(resource(AUTHORING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Curriculum.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Competency code(String code) {
        Competency c = byCode.get(code);
        if (c == null) {
            throw new IllegalStateException("no competency " + code + " in the framework");
        }
        return c;
    }

    String id(String code) {
        return code(code).id();
    }

    List<String> ids(List<String> codes) {
        return codes.stream().map(this::id).toList();
    }

    /** Imports (or finds) the framework, authors its learning targets, publishes it. */
    void load(Gateway.Caller admin, ExecutorService pool) throws Exception {
        JsonNode imported = admin.postBytes("/api/frameworks/import/case", casePackage(), "application/json")
                .expectOk("POST /api/frameworks/import/case");
        frameworkId = imported.path("outcome").path("frameworkId").asText();
        itemsImported = imported.path("items").asInt();

        // the framework view is eventually consistent: wait until it lists every item
        JsonNode framework = null;
        for (int i = 0; i < 300; i++) {
            framework = admin.get("/api/frameworks/" + frameworkId).json();
            if (framework.path("competencies").size() >= itemsImported) {
                break;
            }
            Gateway.pause(100);
        }
        JsonNode authoring = authoring();
        List<Future<Boolean>> edits = new ArrayList<>();
        for (JsonNode summary : framework.path("competencies")) {
            String code = summary.path("code").asText();
            String id = summary.path("competencyId").asText();
            JsonNode authored = authoring.get(code);
            byCode.put(code, new Competency(id, code, summary.path("statement").asText(),
                    authored == null ? null : authored.path("iCan").asText(),
                    authored == null ? 0 : authored.path("difficulty").asDouble(), summary.path("assessable").asBoolean(),
                    Gateway.strings(summary.path("prerequisiteIds"))));
            codeById.put(id, code);
            if (authored != null) {
                edits.add(pool.submit(() -> author(admin, id, authored)));
            }
        }
        for (Future<Boolean> edit : edits) {
            if (edit.get()) {
                authored++;
            }
        }
        Gateway.Response published = admin.post("/api/frameworks/" + frameworkId + "/publish", Map.of());
        if (published.ok()) {
            publishedNow = true;
        } else if (published.status() != 409) {
            published.expectOk("POST /api/frameworks/" + frameworkId + "/publish");
        }
    }

    /** PUT the competency back with the district's additions; true when something changed. */
    private boolean author(Gateway.Caller admin, String id, JsonNode authored) {
        JsonNode current = admin.get("/api/competencies/" + id).expectOk("GET /api/competencies/" + id);
        ObjectNode body = Gateway.JSON.createObjectNode();
        body.put("code", current.path("code").asText());
        body.put("statement", current.path("statement").asText());
        body.put("studentStatement", authored.path("iCan").asText());
        body.put("masteryDescription", authored.path("masteryLooksLike").asText());
        if (current.hasNonNull("parentId")) {
            body.put("parentId", current.get("parentId").asText());
        }
        body.put("itemType", current.path("itemType").asText());
        body.set("educationLevels", current.path("educationLevels"));
        body.put("assessable", current.path("assessable").asBoolean(true));
        if (current.hasNonNull("sequence")) {
            body.put("sequence", current.get("sequence").asInt());
        }
        body.set("prerequisiteIds", current.path("prerequisiteIds"));
        if (authored.has("policy")) {
            body.set("policy", authored.get("policy"));
        }
        body.set("phases", phases(current.path("code").asText(), current.path("statement").asText()));
        JsonNode answer = admin.put("/api/competencies/" + id, body).expectOk("PUT /api/competencies/" + id);
        return answer.path("changed").asBoolean(true);
    }

    /** Three phases on the 1–4 scale, each with what helps at that point. */
    static ArrayNode phases(String code, String statement) {
        String slug = code.replace('.', '-').toLowerCase();
        ArrayNode phases = Gateway.JSON.createArrayNode();
        ObjectNode first = phases.addObject().put("order", 1).put("label", "Getting started").put("minScore", 1.0).put("maxScore", 2.0);
        ArrayNode r1 = first.putArray("resources");
        r1.addObject().put("title", "Video lesson: " + shortTitle(statement)).put("uri", "https://learn.maplevalley.example.org/math/" + slug + "/video").put("kind", "VIDEO");
        r1.addObject().put("title", "Worked examples with tape diagrams").put("uri", "https://learn.maplevalley.example.org/math/" + slug + "/worked-examples").put("kind", "ARTICLE");
        ObjectNode second = phases.addObject().put("order", 2).put("label", "Building fluency").put("minScore", 2.0).put("maxScore", 3.0);
        second.putArray("resources").addObject().put("title", "Practice set (10 problems, instant feedback)")
                .put("uri", Semester.PRACTICE_TOOL + "/" + code).put("kind", "PRACTICE");
        ObjectNode third = phases.addObject().put("order", 3).put("label", "Extending").put("minScore", 3.0).put("maxScore", 4.0);
        third.putArray("resources").addObject().put("title", "Challenge task (Illustrative Mathematics)")
                .put("uri", illustrativeMathematics(code)).put("kind", "TASK");
        return phases;
    }

    private static String shortTitle(String statement) {
        String s = statement.replaceAll("\\s+", " ").strip();
        int cut = s.indexOf(',') > 20 && s.indexOf(',') < 70 ? s.indexOf(',') : Math.min(s.length(), 70);
        return s.substring(0, cut).replaceAll("[ .;:]+$", "");
    }

    /** The Illustrative Mathematics task page of the standard a code belongs to. */
    static String illustrativeMathematics(String code) {
        String[] p = code.split("\\.");
        String number = p[3].replaceAll("[a-d]$", "");
        return "https://tasks.illustrativemathematics.org/content-standards/" + p[0] + "/" + p[1] + "/" + p[2] + "/" + number;
    }

    /** Gives each course its competencies and credits (the roster import brought them in with none). */
    static int defineCourses(Gateway.Caller admin, District district, Map<String, String> courseIds, Curriculum curriculum) {
        int changed = 0;
        for (District.Course course : district.courses) {
            String id = courseIds.get(course.sourcedId());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", course.code());
            body.put("title", course.title());
            body.put("subject", "Mathematics");
            body.put("credits", course.credits());
            body.put("competencyIds", curriculum.ids(course.competencyCodes()));
            JsonNode answer = admin.put("/api/courses/" + id, body).expectOk("PUT /api/courses/" + id);
            if (answer.path("version").asInt() > 1) {
                changed++;
            }
        }
        return changed;
    }
}
