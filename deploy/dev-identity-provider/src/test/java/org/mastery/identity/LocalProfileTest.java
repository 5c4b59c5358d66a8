package org.mastery.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mastery.identity.IdentityTestSupport.ISSUER;
import static org.mastery.identity.IdentityTestSupport.get;
import static org.mastery.identity.IdentityTestSupport.json;
import static org.mastery.identity.IdentityTestSupport.postForm;
import static org.mastery.identity.IdentityTestSupport.postJson;
import static org.mastery.identity.IdentityTestSupport.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The issuer as the local platform runs it: profile {@code local}, so {@code POST /dev/token} exists. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LocalProfileTest {

    @TempDir
    static Path KEY_DIR;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("mastery.identity.key-file", () -> KEY_DIR.resolve("signing-key.json").toString());
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void dev_token_is_signed_with_the_key_published_in_the_jwks() throws Exception {
        HttpResponse<String> response = postJson(http, url("/dev/token"), "{\"sub\": \"teacher-1\", \"roles\": [\"TEACHER\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        Jwt jwt = verify(body.path("access_token").asText(), url("/oauth2/jwks"));
        assertThat(jwt.getSubject()).isEqualTo("teacher-1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TEACHER");
        assertThat(jwt.getIssuer()).hasToString(ISSUER);
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
        assertThat(jwt.getId()).isNotBlank();
    }

    @Test
    void the_published_key_is_the_one_kept_in_the_key_file() throws Exception {
        JsonNode jwks = json(get(http, url("/oauth2/jwks"), "application/json"));
        JWK stored = JWK.parse(Files.readString(KEY_DIR.resolve("signing-key.json")));

        assertThat(jwks.path("keys")).hasSize(1);
        assertThat(jwks.path("keys").get(0).path("kid").asText()).isEqualTo(stored.getKeyID());
        assertThat(jwks.path("keys").get(0).has("d")).as("no private part is published").isFalse();
    }

    @Test
    void a_token_signed_by_another_key_does_not_verify() throws Exception {
        String token = json(postJson(http, url("/dev/token"), "{\"sub\": \"s-1\", \"roles\": [\"STUDENT\"]}"))
                .path("access_token").asText();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"s-1\",\"roles\":[\"ADMIN\"],\"iss\":\"http://localhost:9000\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThatThrownBy(() -> verify(forged, url("/oauth2/jwks"))).isInstanceOf(BadJwtException.class);
    }

    @Test
    void several_roles_are_carried_in_order_without_duplicates() throws Exception {
        String token = json(postJson(http, url("/dev/token"),
                "{\"sub\": \"x\", \"roles\": [\"LEADER\", \"AUDITOR\", \"LEADER\"]}")).path("access_token").asText();

        assertThat(verify(token, url("/oauth2/jwks")).getClaimAsStringList("roles")).containsExactly("LEADER", "AUDITOR");
    }

    @Test
    void an_unknown_role_is_refused_with_problem_json() throws Exception {
        HttpResponse<String> response = postJson(http, url("/dev/token"), "{\"sub\": \"x\", \"roles\": [\"SUPERUSER\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("detail").asText()).contains("unknown role SUPERUSER");
    }

    @Test
    void a_missing_subject_or_empty_roles_are_refused() throws Exception {
        HttpResponse<String> noSub = postJson(http, url("/dev/token"), "{\"roles\": [\"TEACHER\"]}");
        HttpResponse<String> noRoles = postJson(http, url("/dev/token"), "{\"sub\": \"x\", \"roles\": []}");
        HttpResponse<String> badSub = postJson(http, url("/dev/token"), "{\"sub\": \"<script>\", \"roles\": [\"TEACHER\"]}");

        assertThat(noSub.statusCode()).isEqualTo(400);
        assertThat(json(noSub).path("detail").asText()).contains("sub");
        assertThat(noRoles.statusCode()).isEqualTo(400);
        assertThat(json(noRoles).path("detail").asText()).contains("roles");
        assertThat(badSub.statusCode()).isEqualTo(400);
    }

    @Test
    void malformed_json_is_refused_with_problem_json() throws Exception {
        HttpResponse<String> response = postJson(http, url("/dev/token"), "{\"sub\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("detail").asText()).contains("must be JSON");
    }

    @Test
    void openid_discovery_names_the_issuer_and_its_endpoints() throws Exception {
        JsonNode discovery = json(get(http, url("/.well-known/openid-configuration"), "application/json"));

        assertThat(discovery.path("issuer").asText()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("grant_types_supported").toString()).contains("authorization_code", "client_credentials");
    }

    @Test
    void a_script_client_gets_a_token_with_its_configured_roles() throws Exception {
        HttpResponse<String> response = postForm(http, url("/oauth2/token"),
                Map.of("grant_type", "client_credentials", "scope", "mastery"), "mastery-cli:mastery-cli-secret");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt jwt = verify(json(response).path("access_token").asText(), url("/oauth2/jwks"));
        assertThat(jwt.getSubject()).isEqualTo("mastery-cli");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ADMIN");
    }

    @Test
    void a_script_client_with_a_wrong_secret_gets_no_token() throws Exception {
        HttpResponse<String> response = postForm(http, url("/oauth2/token"),
                Map.of("grant_type", "client_credentials"), "mastery-cli:wrong");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_person_signs_in_on_the_login_page_and_gets_a_token_with_their_roles() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomToken();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirectUri = "http://127.0.0.1:8080/swagger-ui/oauth2-redirect.html";
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "mastery-web");
        authorize.put("redirect_uri", redirectUri);
        authorize.put("scope", "openid");
        authorize.put("state", "st4te");
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");

        HttpResponse<String> toLogin = get(browser, url("/oauth2/authorize?" + IdentityTestSupport.form(authorize)), "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> loginPage = get(browser, url("/login"), "text/html");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();

        HttpResponse<String> wrong = postForm(browser, url("/login"),
                Map.of("username", "demo-teacher", "password", "nope", "_csrf", csrf.group(1)), null);
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));

        loginPage = get(browser, url("/login"), "text/html");
        csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = postForm(browser, url("/login"),
                Map.of("username", "demo-teacher", "password", "demo", "_csrf", csrf.group(1)), null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String back = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> withCode = get(browser, back, "text/html");
        assertThat(withCode.statusCode()).isEqualTo(302);
        URI callback = URI.create(withCode.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(redirectUri).contains("state=st4te");
        String code = Pattern.compile("code=([^&]+)").matcher(callback.getRawQuery()).results().findFirst().orElseThrow().group(1);

        HttpResponse<String> tokens = postForm(http, url("/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                "redirect_uri", redirectUri, "client_id", "mastery-web", "code_verifier", verifier), null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        Jwt access = verify(json(tokens).path("access_token").asText(), url("/oauth2/jwks"));
        assertThat(access.getSubject()).isEqualTo("demo-teacher");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("TEACHER");
        Jwt id = verify(json(tokens).path("id_token").asText(), url("/oauth2/jwks"));
        assertThat(id.getClaimAsStringList("roles")).containsExactly("TEACHER");
    }

    @Test
    void a_demo_account_signs_in_as_the_person_the_demo_district_made_it() throws Exception {
        Path mapping = KEY_DIR.resolve("demo-subjects.properties");
        Files.writeString(mapping, "demo-student=stu-0b4f2c1e\ndemo-guardian=not a subject!\n");
        try {
            Jwt student = verify(signIn("demo-student").path("access_token").asText(), url("/oauth2/jwks"));
            assertThat(student.getSubject()).isEqualTo("stu-0b4f2c1e");
            assertThat(student.getClaimAsStringList("roles")).containsExactly("STUDENT");
            // an invalid value is ignored: the account keeps its configured subject
            assertThat(verify(signIn("demo-guardian").path("access_token").asText(), url("/oauth2/jwks")).getSubject())
                    .isEqualTo("demo-guardian");
        } finally {
            Files.delete(mapping);
        }
        // without the file, the configured subject again
        assertThat(verify(signIn("demo-student").path("access_token").asText(), url("/oauth2/jwks")).getSubject())
                .isEqualTo("demo-student");
    }

    /** The whole browser flow (authorization code with PKCE) for a demo account; answers the token response. */
    private JsonNode signIn(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomToken();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirectUri = "http://127.0.0.1:3000/callback";
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", "mastery-web");
        authorize.put("redirect_uri", redirectUri);
        authorize.put("scope", "openid");
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");
        get(browser, url("/oauth2/authorize?" + IdentityTestSupport.form(authorize)), "text/html");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get(browser, url("/login"), "text/html").body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = postForm(browser, url("/login"),
                Map.of("username", username, "password", "demo", "_csrf", csrf.group(1)), null);
        HttpResponse<String> withCode = get(browser, signedIn.headers().firstValue("Location").orElseThrow(), "text/html");
        URI callback = URI.create(withCode.headers().firstValue("Location").orElseThrow());
        String code = Pattern.compile("code=([^&]+)").matcher(callback.getRawQuery()).results().findFirst().orElseThrow().group(1);
        HttpResponse<String> tokens = postForm(http, url("/oauth2/token"), Map.of(
                "grant_type", "authorization_code", "code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8),
                "redirect_uri", redirectUri, "client_id", "mastery-web", "code_verifier", verifier), null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json(tokens);
    }

    @Test
    void readiness_is_open_for_the_launcher() throws Exception {
        HttpResponse<String> readiness = get(http, url("/actuator/health/readiness"), "application/json");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).path("status").asText()).isEqualTo("UP");
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
