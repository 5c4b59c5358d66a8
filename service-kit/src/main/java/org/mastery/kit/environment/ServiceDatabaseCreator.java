package org.mastery.kit.environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;

/**
 * Creates the service's database on the shared server before Flyway migrates it, so that
 * {@code DATABASE_URL} can name just the server. Lacking the right to create databases is not
 * fatal: an operator may have created it already.
 */
public class ServiceDatabaseCreator implements FlywayConfigurationCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ServiceDatabaseCreator.class);

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String database;

    public ServiceDatabaseCreator(String serverUrl, String user, String password, String database) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        ensureDatabase();
    }

    public void ensureDatabase() {
        if (serverUrl == null || serverUrl.isBlank() || database == null || database.isBlank()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, database);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            if (!database.matches("[A-Za-z0-9_]+")) {
                throw new IllegalStateException("refusing to create a database named " + database);
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another instance
            }
            log.warn("Could not check or create database {} on {}: {}", database, serverUrl, e.getMessage());
        }
    }
}
