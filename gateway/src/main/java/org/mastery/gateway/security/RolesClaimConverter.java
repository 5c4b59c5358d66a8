package org.mastery.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the Mastery roles from the token's {@code roles} claim as {@code ROLE_X} authorities, like
 * the services do. The gateway authorizes nothing per role itself (the services do, per object);
 * it only uses {@code ROLE_ADMIN} to show health details.
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
                String name = String.valueOf(role).toUpperCase(Locale.ROOT);
                if (ROLES.contains(name)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
                }
            }
        }
        return authorities;
    }
}
