package org.mastery.identity.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mastery.identity.*}: where the signing key lives, the demo users, the roles a script
 * client's tokens carry and how long a {@code /dev/token} token is valid.
 *
 * @param keyFile      the RSA signing key as a JWK (created on first start, kept across restarts)
 * @param devTokenTtl  validity of tokens minted by {@code POST /dev/token} (local profile)
 * @param users        demo users for the login page, by user name
 * @param clientRoles  roles put into client-credentials tokens, by client id (the subject is the client id)
 */
@ConfigurationProperties("mastery.identity")
public record IdentityProperties(Path keyFile, Duration devTokenTtl, Map<String, DemoUser> users,
                                 Map<String, List<String>> clientRoles) {

    /** The roles Mastery knows; any other role name is refused or ignored, never passed on. */
    public static final Set<String> ROLES = Set.of("STUDENT", "GUARDIAN", "TEACHER", "LEADER", "AUDITOR", "ADMIN");

    public IdentityProperties {
        if (keyFile == null) {
            keyFile = Path.of(".mastery", "identity", "signing-key.json");
        }
        if (devTokenTtl == null) {
            devTokenTtl = Duration.ofHours(1);
        }
        users = users == null ? Map.of() : new LinkedHashMap<>(users);
        clientRoles = clientRoles == null ? Map.of() : new LinkedHashMap<>(clientRoles);
        users.forEach((name, user) -> requireKnownRoles("user " + name, user.roles()));
        clientRoles.forEach((client, roles) -> requireKnownRoles("client " + client, roles));
    }

    /**
     * A demo user.
     *
     * @param password the password in Spring Security's storage format ({@code {noop}demo}, {@code {bcrypt}…})
     * @param subject  the token subject (the pseudonymous id the services know the person by); defaults to the user name
     * @param roles    Mastery roles
     */
    public record DemoUser(String password, String subject, List<String> roles) {
        public DemoUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    private static void requireKnownRoles(String owner, List<String> roles) {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException(owner + " has unknown role " + role + "; roles are " + ROLES);
            }
        }
    }
}
