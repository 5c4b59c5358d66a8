package org.mastery.testsupport.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.mastery.testsupport.http.RawHttp;
import org.mastery.testsupport.http.RawHttp.Answer;
import org.mastery.testsupport.http.RawHttp.Body;

/**
 * Runs the bad-input corpus against every write endpoint of a service: each bad request must be
 * answered with a 4xx (other than 401/403: the caller is allowed to do the action, so only the input can
 * be at fault) as problem+json with a {@code detail} and without the service's internals (class names,
 * exception names, stack frames); then nothing may have been stored ({@link StoreCheck}); then, as a
 * control that the endpoint is not simply refusing everything, the valid request is accepted.
 */
public final class BadInputSuite {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final List<String> INTERNALS = List.of("org.mastery", "com.fasterxml", "org.springframework", "java.lang",
            "java.util", "Exception", "\tat ", "org.axonframework", "org.postgresql", "com.mongodb");

    private final RawHttp http;
    private final StoreCheck store;
    private final String runId = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Target> targets = new ArrayList<>();

    private BadInputSuite(RawHttp http, StoreCheck store) {
        this.http = http;
        this.store = store;
    }

    public static BadInputSuite against(RawHttp http, StoreCheck store) {
        return new BadInputSuite(http, store);
    }

    /** The prefix of every correlation id the corpus sends (to find anything it caused downstream). */
    public String correlationPrefix() {
        return runId;
    }

    public Target post(String template) {
        return target("POST", template);
    }

    public Target put(String template) {
        return target("PUT", template);
    }

    public Target delete(String template) {
        return target("DELETE", template);
    }

    public Target target(String method, String template) {
        Target target = new Target(method, template);
        targets.add(target);
        return target;
    }

    /** Every write endpoint of the service must have a target (and every target must exist). */
    public void assertCovers(Collection<String> serviceWrites) {
        Set<String> mapped = serviceWrites.stream().map(e -> VARIABLE.matcher(e).replaceAll("{}")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = targets.stream().map(t -> t.method + " " + VARIABLE.matcher(t.template).replaceAll("{}"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<String> unknown = new TreeSet<>(listed);
        unknown.removeAll(mapped);
        assertThat(missing).as("write endpoints the bad-input corpus does not run against").isEmpty();
        assertThat(unknown).as("corpus targets the service does not have").isEmpty();
    }

    /** One write endpoint, called by a caller who may do the action, on objects that exist. */
    public final class Target {
        final String method;
        final String template;
        Supplier<String> token;
        Supplier<Map<String, String>> path = Map::of;
        Supplier<Object> validBody;
        Supplier<Body> validRawBody;
        final List<BadInput> extra = new ArrayList<>();
        final Map<String, String> excluded = new LinkedHashMap<>();
        boolean control = true;
        boolean generic = true;
        Map<String, String> headers = Map.of();

        Target(String method, String template) {
            this.method = method;
            this.template = template;
        }

        public Target as(Supplier<String> token) {
            this.token = token;
            return this;
        }

        /** The valid path variables (made when the corpus runs, so each run can use fresh objects). */
        public Target path(Supplier<Map<String, String>> values) {
            this.path = values;
            return this;
        }

        /** A valid JSON body: the corpus derives its bad variants from it. */
        public Target jsonBody(Supplier<Object> example) {
            this.validBody = example;
            return this;
        }

        /** A valid body of another kind (uploads): only {@link #with} cases and the path cases apply. */
        public Target rawBody(Supplier<Body> example) {
            this.validRawBody = example;
            return this;
        }

        public Target headers(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
            return this;
        }

        /** Bad inputs specific to this endpoint. */
        public Target with(List<BadInput> cases) {
            extra.addAll(cases);
            return this;
        }

        /**
         * Leaves out the generated cases whose description ({@code category: name}) contains {@code part},
         * for a stated reason (e.g. a standard format that allows fields of its own).
         */
        public Target except(String part, String reason) {
            excluded.put(part, reason);
            return this;
        }

        /** No control request (for an action that may be done only once and is proven elsewhere). */
        public Target withoutControl() {
            this.control = false;
            return this;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * The corpus as dynamic tests, and at the end: no record on the service's topics carries a corpus
     * correlation id (the publisher copies it from the stored event's metadata).
     */
    public Stream<DynamicNode> tests(String... publishedTopics) {
        DynamicTest published = DynamicTest.dynamicTest("nothing was published to " + String.join(", ", publishedTopics), () -> {
            try (org.mastery.testsupport.TopicProbe probe = new org.mastery.testsupport.TopicProbe(publishedTopics)) {
                var records = probe.readAll(java.time.Duration.ofSeconds(2));
                List<String> leaked = new ArrayList<>();
                for (var record : records) {
                    String correlation = RawHttp.JSON.readTree(record.value()).path("correlationid").asText();
                    if (correlation.startsWith(runId + "-")) {
                        leaked.add(record.topic() + " " + record.key() + " " + correlation);
                    }
                }
                assertThat(leaked).as("records published for refused corpus requests").isEmpty();
            }
        });
        return Stream.concat(tests(), Stream.of(published));
    }

    /** The corpus as dynamic tests: per endpoint, its bad requests, "nothing stored", and the control. */
    public Stream<DynamicNode> tests() {
        return targets.stream().map(target -> {
            AtomicReference<Map<String, String>> validPath = new AtomicReference<>();
            AtomicReference<Object> before = new AtomicReference<>();
            AtomicReference<List<BadInput>> cases = new AtomicReference<>();
            List<DynamicNode> nodes = new ArrayList<>();
            nodes.add(DynamicTest.dynamicTest("snapshot of what is stored", () -> {
                // everything the requests need is made first: it is not the corpus's doing
                target.token.get();
                validPath.set(target.path.get());
                cases.set(casesOf(target, validPath.get()));
                before.set(store.snapshot());
            }));
            nodes.add(DynamicTest.dynamicTest("every bad request is refused with a 4xx problem", () -> {
                List<String> failures = new ArrayList<>();
                for (BadInput bad : cases.get()) {
                    Answer answer = send(target, bad, validPath.get());
                    String failure = judge(answer);
                    if (failure != null) {
                        failures.add(bad + " → " + failure + ": " + answer);
                    }
                }
                assertThat(failures).as("%s: %d bad requests, refused wrongly", target, cases.get().size()).isEmpty();
            }));
            nodes.add(DynamicTest.dynamicTest("nothing was stored", () -> store.assertNothingStored(before.get(), runId)));
            if (target.control && (target.validBody != null || target.validRawBody != null || target.method.equals("DELETE")
                    || target.method.equals("POST") || target.method.equals("PUT"))) {
                nodes.add(DynamicTest.dynamicTest("control: the valid request is accepted", () -> {
                    Body body = target.validRawBody != null ? target.validRawBody.get()
                            : target.validBody != null ? Body.json(target.validBody.get()) : null;
                    Answer answer = http.send(target.method, path(target.template, validPath.get()), target.token.get(), body,
                            controlHeaders(target));
                    assertThat(answer.status()).as("%s with a valid body: %s", target, answer).isBetween(200, 299);
                }));
            }
            return DynamicContainer.dynamicContainer(target.toString(), nodes);
        });
    }

    private List<BadInput> casesOf(Target target, Map<String, String> validPath) {
        List<BadInput> cases = new ArrayList<>();
        if (target.validBody != null) {
            cases.addAll(BadInputCorpus.jsonBody(target.validBody.get()));
        } else if (target.validRawBody == null) {
            cases.addAll(BadInputCorpus.unexpectedBody());
        }
        if (!validPath.isEmpty()) {
            Object body = target.validBody == null ? null : target.validBody.get();
            for (BadInput pathCase : BadInputCorpus.pathVariables(validPath)) {
                Body valid = target.validRawBody != null ? target.validRawBody.get() : body == null ? null : Body.json(body);
                cases.add(new BadInput(pathCase.category(), pathCase.name(), valid, pathCase.pathValues()));
            }
        }
        cases.addAll(target.extra);
        cases.removeIf(c -> target.excluded.keySet().stream().anyMatch(part -> c.toString().contains(part)));
        assertThat(cases).as("%s: the corpus has cases", target).isNotEmpty();
        return cases;
    }

    private Answer send(Target target, BadInput bad, Map<String, String> validPath) {
        Map<String, String> values = bad.pathValues().isEmpty() ? validPath : bad.pathValues();
        return http.send(target.method, path(target.template, values), target.token.get(), bad.body(),
                headersFor(target, String.valueOf(sequence.incrementAndGet())));
    }

    /** Control requests are not the corpus's: their correlation ids do not start with its prefix. */
    private Map<String, String> controlHeaders(Target target) {
        Map<String, String> headers = new LinkedHashMap<>(target.headers);
        headers.put("X-Correlation-Id", "control-" + UUID.randomUUID());
        return headers;
    }

    private Map<String, String> headersFor(Target target, String suffix) {
        Map<String, String> headers = new LinkedHashMap<>(target.headers);
        headers.put("X-Correlation-Id", runId + "-" + suffix);
        return headers;
    }

    /** Null when the answer is a proper refusal; what is wrong otherwise. */
    static String judge(Answer answer) {
        int status = answer.status();
        if (status < 400 || status > 499) {
            return "not a 4xx";
        }
        if (status == 401 || status == 403) {
            return "refused for the caller, not for the input";
        }
        if (!answer.isProblem()) {
            return "not application/problem+json";
        }
        if (answer.json().path("detail").asText().isBlank()) {
            return "no detail";
        }
        String text = answer.text();
        for (String internal : INTERNALS) {
            if (text.contains(internal)) {
                return "shows the service's internals (" + internal.trim() + ")";
            }
        }
        return null;
    }

    private static String path(String template, Map<String, String> values) {
        return VARIABLE.matcher(template).replaceAll(m -> {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in " + template);
            }
            return Matcher.quoteReplacement(RawHttp.segment(value));
        });
    }
}
