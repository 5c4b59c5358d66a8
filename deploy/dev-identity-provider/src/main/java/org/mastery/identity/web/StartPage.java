package org.mastery.identity.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.mastery.identity.config.IdentityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** A plain start page: where the endpoints are and which demo accounts exist (no passwords). */
@RestController
class StartPage {

    private final String html;

    StartPage(OAuth2AuthorizationServerProperties server, IdentityProperties identity, Environment environment) {
        String issuer = HtmlUtils.htmlEscape(String.valueOf(server.getIssuer()));
        String users = identity.users().entrySet().stream()
                .map(e -> "<li><code>" + HtmlUtils.htmlEscape(e.getKey()) + "</code> — "
                        + HtmlUtils.htmlEscape(String.join(", ", e.getValue().roles())) + "</li>")
                .collect(Collectors.joining());
        boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
        html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Mastery development identity provider</title></head><body>"
                + "<h1>Mastery development identity provider</h1>"
                + "<p>Issuer <code>" + issuer + "</code>. For development only.</p><ul>"
                + "<li><a href=\"/.well-known/openid-configuration\">OpenID discovery</a></li>"
                + "<li><a href=\"/oauth2/jwks\">JWKS</a></li>"
                + (local ? "<li><code>POST /dev/token</code> with <code>{\"sub\": \"…\", \"roles\": [\"TEACHER\"]}</code></li>" : "")
                + "</ul><h2>Demo accounts</h2><ul>" + users + "</ul>"
                + "<p>Passwords are in <code>deploy/dev-identity-provider/README.md</code>.</p></body></html>";
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String index() {
        return html;
    }
}
