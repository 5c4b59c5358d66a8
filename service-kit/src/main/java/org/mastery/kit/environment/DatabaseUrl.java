package org.mastery.kit.environment;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL server address in either common form: {@code postgresql://user:pass@host:port/db}
 * (also {@code postgres://}) or {@code jdbc:postgresql://host:port/db?user=…&password=…}.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String query) {

    public static DatabaseUrl parse(String url) {
        String raw = url.trim();
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring("jdbc:".length());
        }
        if (raw.startsWith("postgres://")) {
            raw = "postgresql://" + raw.substring("postgres://".length());
        }
        if (!raw.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must be postgresql://user:password@host:port/database or a jdbc:postgresql URL, got " + url);
        }
        URI uri = URI.create(raw);
        Map<String, String> params = new HashMap<>();
        StringBuilder rest = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                if (key.equals("user") || key.equals("password")) {
                    params.put(key, value);
                } else {
                    rest.append(rest.isEmpty() ? "" : "&").append(pair);
                }
            }
        }
        String user = params.getOrDefault("user", "postgres");
        String password = params.getOrDefault("password", "");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                path.isEmpty() ? "postgres" : path, user, password, rest.toString());
    }

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase + (query.isEmpty() ? "" : "?" + query);
    }
}
