package org.mastery.reporting.audit;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastery.reporting.audit.domain.AuditReadKind;
import org.mastery.reporting.audit.domain.AuditReadRecorded;
import org.mastery.reporting.audit.domain.AuditTrail;
import org.mastery.reporting.audit.domain.RecordAuditRead;

class AuditTrailTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    FixtureConfiguration<AuditTrail> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuditTrail.class);
    }

    @Test
    void theFirstReadOpensTheStudentsTrail() {
        fixture.givenNoPriorActivity()
                .when(RecordAuditRead.of("stu-1", "aud-1", List.of("AUDITOR"), AuditReadKind.HISTORY, AT.minusSeconds(3600), AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AuditReadRecorded(AuditTrail.idFor("stu-1"), "stu-1", "aud-1", List.of("AUDITOR"), "HISTORY",
                        AT.minusSeconds(3600), AT));
    }

    @Test
    void laterReadsAppendToIt() {
        fixture.given(new AuditReadRecorded(AuditTrail.idFor("stu-1"), "stu-1", "aud-1", List.of("AUDITOR"), "HISTORY", null, AT))
                .when(RecordAuditRead.of("stu-1", "adm-1", List.of("ADMIN"), AuditReadKind.VERIFY, null, AT.plusSeconds(5)))
                .expectEvents(new AuditReadRecorded(AuditTrail.idFor("stu-1"), "stu-1", "adm-1", List.of("ADMIN"), "VERIFY", null,
                        AT.plusSeconds(5)));
    }

    @Test
    void onlyAuditorsAndAdminsReadAuditData() {
        fixture.givenNoPriorActivity()
                .when(RecordAuditRead.of("stu-1", "tch-1", List.of("TEACHER"), AuditReadKind.HISTORY, null, AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aReadNamesItsReaderAndStudent() {
        fixture.givenNoPriorActivity()
                .when(RecordAuditRead.of("stu-1", "", List.of("AUDITOR"), AuditReadKind.HISTORY, null, AT))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aReadBelongsToTheTrailOfTheStudentRead() {
        fixture.givenNoPriorActivity()
                .when(new RecordAuditRead(AuditTrail.idFor("stu-2"), "stu-1", "aud-1", List.of("AUDITOR"), "HISTORY", null, AT))
                .expectException(IllegalArgumentException.class);
    }
}
