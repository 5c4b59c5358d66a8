package org.mastery.curriculum.roster.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given/when/then for every command of the roster aggregates: Organization, SchoolClass, Person. */
class RosterAggregatesTest {

    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-09-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @Nested
    class Organizations {

        FixtureConfiguration<Organization> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Organization.class);
            fixture.registerInjectableResource(CLOCK);
        }

        @Test
        void aSchoolIsRegisteredInItsDistrict() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganization("org-s", "school", "org-d", " Lincoln Middle "))
                    .expectEvents(new OrganizationRegistered("org-s", "SCHOOL", "org-d", "Lincoln Middle", T0));
        }

        @Test
        void onlyDistrictsAndSchoolsAreKnown() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganization("org-x", "STATE", null, "Ohio"))
                    .expectException(InvalidRosterException.class)
                    .expectExceptionMessage("type must be DISTRICT or SCHOOL (got 'STATE')");
        }

        @Test
        void aDistrictHasNoParent() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganization("org-d", "DISTRICT", "org-other", "Springfield"))
                    .expectException(InvalidRosterException.class);
        }

        @Test
        void anOrganisationNeedsAName() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganization("org-d", "DISTRICT", null, ""))
                    .expectException(InvalidRosterException.class)
                    .expectExceptionMessage("name must not be blank");
        }

        @Test
        void leadersAreAssignedOnceAndUnassigned() {
            fixture.given(new OrganizationRegistered("org-s", "SCHOOL", null, "Lincoln", EARLIER))
                    .when(new AssignLeader("org-s", "ldr-1"))
                    .expectEvents(new LeaderAssigned("org-s", "ldr-1", T0))
                    .expectResultMessagePayload(true);
            fixture.given(new OrganizationRegistered("org-s", "SCHOOL", null, "Lincoln", EARLIER), new LeaderAssigned("org-s", "ldr-1", EARLIER))
                    .when(new AssignLeader("org-s", "ldr-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
            fixture.given(new OrganizationRegistered("org-s", "SCHOOL", null, "Lincoln", EARLIER), new LeaderAssigned("org-s", "ldr-1", EARLIER))
                    .when(new UnassignLeader("org-s", "ldr-1"))
                    .expectEvents(new LeaderUnassigned("org-s", "ldr-1", T0));
            fixture.given(new OrganizationRegistered("org-s", "SCHOOL", null, "Lincoln", EARLIER))
                    .when(new UnassignLeader("org-s", "ldr-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }
    }

    @Nested
    class Classes {

        FixtureConfiguration<SchoolClass> fixture;
        final ClassCreated created = new ClassCreated("cls-1", "org-s", "crs-1", "Math 6, period 2", "Fall", EARLIER);

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(SchoolClass.class);
            fixture.registerInjectableResource(CLOCK);
        }

        @Test
        void aClassIsCreatedFromACourseAtASchool() {
            fixture.givenNoPriorActivity()
                    .when(new CreateClass("cls-1", "org-s", "crs-1", "Math 6, period 2", " "))
                    .expectEvents(new ClassCreated("cls-1", "org-s", "crs-1", "Math 6, period 2", null, T0));
        }

        @Test
        void aClassNeedsATitle() {
            fixture.givenNoPriorActivity()
                    .when(new CreateClass("cls-1", "org-s", "crs-1", null, null))
                    .expectException(InvalidRosterException.class)
                    .expectExceptionMessage("title must not be blank");
        }

        @Test
        void teachersAreAssignedIdempotentlyAndUnassigned() {
            fixture.given(created).when(new AssignTeacher("cls-1", "tch-1"))
                    .expectEvents(new TeacherAssigned("cls-1", "tch-1", T0)).expectResultMessagePayload(true);
            fixture.given(created, new TeacherAssigned("cls-1", "tch-1", EARLIER)).when(new AssignTeacher("cls-1", "tch-1"))
                    .expectNoEvents().expectResultMessagePayload(false);
            fixture.given(created, new TeacherAssigned("cls-1", "tch-1", EARLIER)).when(new UnassignTeacher("cls-1", "tch-1"))
                    .expectEvents(new TeacherUnassigned("cls-1", "tch-1", T0));
            fixture.given(created).when(new UnassignTeacher("cls-1", "tch-1")).expectNoEvents();
        }

        @Test
        void studentsAreEnrolledIdempotentlyAndUnenrolled() {
            fixture.given(created).when(new EnrollStudent("cls-1", "stu-1"))
                    .expectEvents(new StudentEnrolled("cls-1", "stu-1", T0)).expectResultMessagePayload(true);
            fixture.given(created, new StudentEnrolled("cls-1", "stu-1", EARLIER)).when(new EnrollStudent("cls-1", "stu-1"))
                    .expectNoEvents().expectResultMessagePayload(false);
            fixture.given(created, new StudentEnrolled("cls-1", "stu-1", EARLIER)).when(new UnenrollStudent("cls-1", "stu-1"))
                    .expectEvents(new StudentUnenrolled("cls-1", "stu-1", T0));
            fixture.given(created).when(new UnenrollStudent("cls-1", "stu-1")).expectNoEvents().expectResultMessagePayload(false);
        }
    }

    @Nested
    class People {

        FixtureConfiguration<Person> fixture;
        final PersonRegistered student = new PersonRegistered("stu-1", "STUDENT", "org-s", "06", EARLIER);

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Person.class);
            fixture.registerInjectableResource(CLOCK);
        }

        @Test
        void aPersonIsRegisteredByIdAndRoleOnly() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPerson("stu-1", "student", "org-s", "06"))
                    .expectEvents(new PersonRegistered("stu-1", "STUDENT", "org-s", "06", T0));
        }

        @Test
        void aStudentNeedsASchool() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPerson("stu-1", "STUDENT", null, "06"))
                    .expectException(InvalidRosterException.class)
                    .expectExceptionMessage("a student must be registered at a school (schoolId)");
        }

        @Test
        void onlyKnownRolesAreRegistered() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterPerson("x-1", "WIZARD", null, null))
                    .expectException(InvalidRosterException.class);
        }

        @Test
        void guardiansAreLinkedToStudents() {
            fixture.given(student).when(new LinkGuardian("stu-1", "grd-1", "parent"))
                    .expectEvents(new GuardianLinked("stu-1", "grd-1", "PARENT", T0));
            fixture.given(student).when(new LinkGuardian("stu-1", "grd-1", null))
                    .expectEvents(new GuardianLinked("stu-1", "grd-1", "GUARDIAN", T0));
            fixture.given(student, new GuardianLinked("stu-1", "grd-1", "PARENT", EARLIER)).when(new LinkGuardian("stu-1", "grd-1", "PARENT"))
                    .expectNoEvents().expectResultMessagePayload(false);
            fixture.given(student, new GuardianLinked("stu-1", "grd-1", "PARENT", EARLIER)).when(new UnlinkGuardian("stu-1", "grd-1"))
                    .expectEvents(new GuardianUnlinked("stu-1", "grd-1", T0));
            fixture.given(student).when(new UnlinkGuardian("stu-1", "grd-1")).expectNoEvents();
        }

        @Test
        void guardiansAreLinkedToStudentsOnly() {
            fixture.given(new PersonRegistered("tch-1", "TEACHER", null, null, EARLIER))
                    .when(new LinkGuardian("tch-1", "grd-1", "PARENT"))
                    .expectException(RosterConflictException.class)
                    .expectExceptionMessage("Guardians are linked to students; tch-1 is a TEACHER");
        }

        @Test
        void personalDataIsErasedOnce() {
            fixture.given(student).when(new ErasePersonalData("stu-1"))
                    .expectEvents(new PersonalDataErased("stu-1", "STUDENT", T0)).expectResultMessagePayload(true);
            fixture.given(student, new PersonalDataErased("stu-1", "STUDENT", EARLIER)).when(new ErasePersonalData("stu-1"))
                    .expectNoEvents().expectResultMessagePayload(false);
        }
    }
}
