package org.mastery.curriculum.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.config.TransactionalCommands;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.roster.domain.InvalidRosterException;
import org.mastery.curriculum.roster.domain.RegisterOrganization;
import org.mastery.curriculum.roster.domain.RegisterPerson;
import org.mastery.curriculum.roster.query.PersonalData;
import org.mastery.curriculum.roster.query.PersonalDataStore;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the imports and registrations rely on: several commands and the personal-data row in one
 * transaction commit together, and a failure in a later command rolls back the earlier ones, their
 * directory rows and the personal data.
 */
class TransactionalCommandsTest extends ApiTest {

    @Autowired
    TransactionalCommands commands;

    @Autowired
    Directory directory;

    @Autowired
    PersonalDataStore personalData;

    @Test
    void aFailingCommandRollsBackEverythingBeforeItInTheTransaction() {
        String school = unique("org");
        String person = unique("stu");
        assertThatThrownBy(() -> commands.inTransaction(() -> {
            commands.send(new RegisterOrganization(school, "SCHOOL", null, "Rolled Back School"));
            personalData.save(person, new PersonalData("Roll", "Back", null, null, null, null), Instant.now());
            commands.send(new RegisterPerson(person, "STUDENT", school, "06"));
            return commands.send(new RegisterOrganization(unique("org"), "PLANET", null, "Mars"));
        })).isInstanceOf(InvalidRosterException.class);
        assertThat(eventsOf(school)).isZero();
        assertThat(eventsOf(person)).isZero();
        assertThat(directory.find(school)).isEmpty();
        assertThat(personalData.find(person)).isEmpty();
    }

    @Test
    void successfulCommandsCommitTogether() {
        String school = unique("org");
        String person = unique("stu");
        commands.inTransaction(() -> {
            commands.send(new RegisterOrganization(school, "SCHOOL", null, "Committed School"));
            personalData.save(person, new PersonalData("Com", "Mitted", null, null, null, null), Instant.now());
            return commands.send(new RegisterPerson(person, "STUDENT", school, "06"));
        });
        assertThat(eventsOf(school)).isEqualTo(1);
        assertThat(directory.find(person)).hasValueSatisfying(e -> assertThat(e.is(Directory.PERSON, "STUDENT")).isTrue());
        assertThat(personalData.find(person)).isPresent();
    }
}
