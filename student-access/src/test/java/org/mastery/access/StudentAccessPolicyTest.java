package org.mastery.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.roster.ClassCreated;
import org.mastery.contracts.roster.GuardianLinked;
import org.mastery.contracts.roster.GuardianUnlinked;
import org.mastery.contracts.roster.LeaderAssigned;
import org.mastery.contracts.roster.OrganizationRegistered;
import org.mastery.contracts.roster.StudentEnrolled;
import org.mastery.contracts.roster.StudentRegistered;
import org.mastery.contracts.roster.StudentUnenrolled;
import org.mastery.contracts.roster.TeacherAssigned;
import org.mastery.testsupport.TestInfrastructure;

/** The access rules over roster facts projected into MongoDB from roster events. */
class StudentAccessPolicyTest {

    static MongoClient client;
    static MongoRosterFacts facts;
    static RosterAccessProjection projection;
    static StudentAccessPolicy policy;

    static final String DISTRICT = "dst-1";
    static final String SCHOOL = "sch-1";
    static final String OTHER_SCHOOL = "sch-2";
    static final String CLASS = "cls-1";
    static final String OTHER_CLASS = "cls-2";
    static final String STUDENT = "stu-1";
    static final String CLASSMATE = "stu-2";
    static final String STRANGER = "stu-3";
    static final String TEACHER = "tch-1";
    static final String OTHER_TEACHER = "tch-2";
    static final String GUARDIAN = "grd-1";
    static final String LEADER = "ldr-1";
    static final String DISTRICT_LEADER = "ldr-2";

    @BeforeAll
    static void roster() {
        client = MongoClients.create(TestInfrastructure.mongo().uri());
        facts = new MongoRosterFacts(client.getDatabase("access_" + UUID.randomUUID().toString().substring(0, 8)));
        projection = new RosterAccessProjection(facts);
        List<Object> events = List.of(
                new OrganizationRegistered(DISTRICT, "DISTRICT", null, "Riverside"),
                new OrganizationRegistered(SCHOOL, "SCHOOL", DISTRICT, "Lincoln"),
                new OrganizationRegistered(OTHER_SCHOOL, "SCHOOL", "dst-other", "Elsewhere"),
                new LeaderAssigned(SCHOOL, LEADER),
                new LeaderAssigned(DISTRICT, DISTRICT_LEADER),
                new ClassCreated(CLASS, SCHOOL, "crs-1", "Math 6", "fall"),
                new ClassCreated(OTHER_CLASS, SCHOOL, "crs-1", "Math 6 (2)", "fall"),
                new TeacherAssigned(CLASS, TEACHER),
                new TeacherAssigned(OTHER_CLASS, OTHER_TEACHER),
                new StudentRegistered(STUDENT, SCHOOL, "06"),
                new StudentEnrolled(STUDENT, CLASS),
                new StudentEnrolled(CLASSMATE, CLASS),
                new StudentEnrolled(STRANGER, OTHER_CLASS),
                new GuardianLinked(STUDENT, GUARDIAN, "PARENT"));
        // delivered twice, as after a redelivery: set semantics make the second pass a no-op
        events.forEach(projection::apply);
        events.forEach(projection::apply);
        policy = new StudentAccessPolicy(facts);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aStudentSeesOnlyThemself() {
        Viewer student = Viewer.of(STUDENT, Role.STUDENT);
        assertThat(policy.canReadStudent(student, STUDENT)).isTrue();
        assertThat(policy.canReadStudent(student, CLASSMATE)).isFalse();
        assertThat(policy.canReadClass(student, CLASS)).isFalse();
    }

    @Test
    void aGuardianSeesOnlyLinkedChildren() {
        Viewer guardian = Viewer.of(GUARDIAN, Role.GUARDIAN);
        assertThat(policy.canReadStudent(guardian, STUDENT)).isTrue();
        assertThat(policy.canReadStudent(guardian, CLASSMATE)).isFalse();
        assertThat(facts.childrenOf(GUARDIAN)).containsExactly(STUDENT);
    }

    @Test
    void aTeacherSeesStudentsOfTheirClassesOnly() {
        Viewer teacher = Viewer.of(TEACHER, Role.TEACHER);
        assertThat(policy.canReadStudent(teacher, STUDENT)).isTrue();
        assertThat(policy.canReadStudent(teacher, CLASSMATE)).isTrue();
        assertThat(policy.canReadStudent(teacher, STRANGER)).isFalse();
        assertThat(policy.canTeachStudent(teacher, STUDENT)).isTrue();
        assertThat(policy.canTeachStudent(teacher, STRANGER)).isFalse();
        assertThat(policy.canReadClass(teacher, CLASS)).isTrue();
        assertThat(policy.canReadClass(teacher, OTHER_CLASS)).isFalse();
    }

    @Test
    void aLeaderSeesAggregatesOfTheirOrganisationsButNoIndividualStudent() {
        Viewer leader = Viewer.of(LEADER, Role.LEADER);
        assertThat(policy.canReadOrganization(leader, SCHOOL)).isTrue();
        assertThat(policy.canReadOrganization(leader, OTHER_SCHOOL)).isFalse();
        assertThat(policy.canReadStudent(leader, STUDENT)).isFalse();
        Viewer districtLeader = Viewer.of(DISTRICT_LEADER, Role.LEADER);
        assertThat(policy.canReadOrganization(districtLeader, SCHOOL)).isTrue();
        assertThat(policy.canReadOrganization(districtLeader, OTHER_SCHOOL)).isFalse();
    }

    @Test
    void anAuditorReadsEverythingAndWritesNothing() {
        Viewer auditor = Viewer.of("aud-1", Role.AUDITOR);
        assertThat(policy.canReadStudent(auditor, STRANGER)).isTrue();
        assertThat(policy.canReadClass(auditor, OTHER_CLASS)).isTrue();
        assertThat(policy.canWrite(auditor)).isFalse();
        assertThat(policy.canTeachStudent(auditor, STUDENT)).isFalse();
        assertThat(policy.canWrite(Viewer.of(TEACHER, Role.TEACHER))).isTrue();
    }

    @Test
    void refusalsAreNotFoundForInvisibleObjectsAndForbiddenForVisibleOnes() {
        AccessGuard guard = new AccessGuard(policy);
        Viewer student = Viewer.of(STUDENT, Role.STUDENT);
        assertThatThrownBy(() -> guard.requireStudentReadable(student, CLASSMATE))
                .isInstanceOf(NoSuchObjectException.class).hasMessage("No student with id " + CLASSMATE);
        assertThatThrownBy(() -> guard.requireStudentReadable(student, "stu-unknown"))
                .isInstanceOf(NoSuchObjectException.class).hasMessage("No student with id stu-unknown");
        assertThatThrownBy(() -> guard.requireStudentTeachable(student, STUDENT))
                .isInstanceOf(ActionForbiddenException.class);
    }

    @Test
    void unlinkingAndUnenrollingTakeAccessAway() {
        String student = "stu-" + UUID.randomUUID();
        projection.apply(new StudentEnrolled(student, CLASS));
        projection.apply(new GuardianLinked(student, "grd-x", "PARENT"));
        assertThat(policy.canReadStudent(Viewer.of(TEACHER, Role.TEACHER), student)).isTrue();
        assertThat(policy.canReadStudent(Viewer.of("grd-x", Role.GUARDIAN), student)).isTrue();
        projection.apply(new StudentUnenrolled(student, CLASS));
        projection.apply(new GuardianUnlinked(student, "grd-x"));
        assertThat(policy.canReadStudent(Viewer.of(TEACHER, Role.TEACHER), student)).isFalse();
        assertThat(policy.canReadStudent(Viewer.of("grd-x", Role.GUARDIAN), student)).isFalse();
    }
}
