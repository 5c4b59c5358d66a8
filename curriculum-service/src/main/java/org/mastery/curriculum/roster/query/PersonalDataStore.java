package org.mastery.curriculum.roster.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.curriculum.directory.query.DirectoryProjection;
import org.mastery.curriculum.roster.domain.PersonalDataErased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The only store of names and e-mails (PostgreSQL table {@code personal_data}). A person's row is
 * deleted by the handler of {@link PersonalDataErased}, which runs in the subscribing
 * {@value DirectoryProjection#GROUP} processor, i.e. in the same transaction that stores the event:
 * the erasure and its record commit together or not at all.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
public class PersonalDataStore {

    private static final RowMapper<PersonalData> ROW = (rs, i) -> new PersonalData(rs.getString("given_name"),
            rs.getString("family_name"), rs.getString("middle_name"), rs.getString("preferred_given_name"),
            rs.getString("email"), rs.getString("username"));

    private final JdbcTemplate jdbc;

    public PersonalDataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String personId, PersonalData data, Instant at) {
        jdbc.update("""
                INSERT INTO personal_data (person_id, given_name, family_name, middle_name, preferred_given_name, email, username, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
                  middle_name = EXCLUDED.middle_name, preferred_given_name = EXCLUDED.preferred_given_name,
                  email = EXCLUDED.email, username = EXCLUDED.username, updated_at = EXCLUDED.updated_at""",
                personId, data.givenName(), data.familyName(), data.middleName(), data.preferredGivenName(), data.email(),
                data.username(), Timestamp.from(at));
    }

    public Optional<PersonalData> find(String personId) {
        List<PersonalData> rows = jdbc.query("SELECT * FROM personal_data WHERE person_id = ?", ROW, personId);
        return rows.stream().findFirst();
    }

    public Map<String, PersonalData> findAll(Collection<String> personIds) {
        Map<String, PersonalData> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT * FROM personal_data WHERE person_id = ANY(?)");
            ps.setArray(1, con.createArrayOf("varchar", personIds.toArray()));
            return ps;
        }, rs -> {
            out.put(rs.getString("person_id"), ROW.mapRow(rs, 0));
        });
        return out;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("DELETE FROM personal_data WHERE person_id = ?", event.personId());
    }
}
