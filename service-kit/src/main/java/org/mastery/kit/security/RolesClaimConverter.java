package org.mastery.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the Mastery roles from the token's {@code roles} claim ({@code ["TEACHER"]}) as
 * {@code ROLE_TEACHER} authorities. Unknown role names are ignored, never trusted.
 */
public class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final Set<String> ROLES = Set.of("STUDENT", "GUARDIAN", "TEACHER", "LEADER", "AUDITOR", "ADMIN");

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Object claim = jwt.getClaims().get("roles");
        if (claim instanceof Collection<?> roles) {
            for (Object role : roles) {
                String name = String.valueOf(role).toUpperCase();
                if (ROLES.contains(name)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
                }
            }
        }
        return authorities;
    }
}
