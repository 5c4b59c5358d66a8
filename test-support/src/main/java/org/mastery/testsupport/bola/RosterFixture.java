package org.mastery.testsupport.bola;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.mastery.testsupport.CloudEventFeeder;

/**
 * The two-sided roster the matrix runs in, for services that learn the roster from the {@code roster.*}
 * topics: districts A and B, a school in each, a class in each school with its teacher and one
 * student, a guardian linked to each student, a district leader of each district, an auditor and an
 * administrator. Every viewer is on side A; side B's student and guardian are secrets.
 *
 * <p>{@link #feed} publishes the roster events as curriculum-service does (same topics, types, keys and
 * data fields: test-support cannot depend on the contract records, so the data is written as maps; a
 * misnamed field would leave the service's access facts empty and the service's wait for them fail).
 */
public final class RosterFixture {

    public final String suffix;
    public final String districtA;
    public final String districtB;
    public final String schoolA;
    public final String schoolB;
    public final String classA;
    public final String classB;
    public final String courseId;
    public final String teacherA;
    public final String teacherB;
    public final String studentA;
    public final String studentB;
    public final String guardianA;
    public final String guardianB;
    public final String leaderA;
    public final String leaderB;
    public final String auditor;
    public final String admin;

    private RosterFixture(String suffix) {
        this.suffix = suffix;
        districtA = "dst-a-" + suffix;
        districtB = "dst-b-" + suffix;
        schoolA = "sch-a-" + suffix;
        schoolB = "sch-b-" + suffix;
        classA = "cls-a-" + suffix;
        classB = "cls-b-" + suffix;
        courseId = "crs-" + suffix;
        teacherA = "tch-a-" + suffix;
        teacherB = "tch-b-" + suffix;
        studentA = "stu-a-" + suffix;
        studentB = "stu-b-" + suffix;
        guardianA = "grd-a-" + suffix;
        guardianB = "grd-b-" + suffix;
        leaderA = "ldr-a-" + suffix;
        leaderB = "ldr-b-" + suffix;
        auditor = "aud-" + suffix;
        admin = "adm-" + suffix;
    }

    public static RosterFixture create() {
        return new RosterFixture(UUID.randomUUID().toString().substring(0, 8));
    }

    /** Publishes the roster on roster.organizations.v1, roster.classes.v1 and roster.enrollments.v1. */
    public void feed(CloudEventFeeder feeder) {
        for (String[] side : new String[][] {
                {districtA, schoolA, classA, teacherA, studentA, guardianA, leaderA},
                {districtB, schoolB, classB, teacherB, studentB, guardianB, leaderB}}) {
            String district = side[0], school = side[1], cls = side[2], teacher = side[3], student = side[4],
                    guardian = side[5], leader = side[6];
            organization(feeder, "roster.OrganizationRegistered", district, map("orgId", district, "type", "DISTRICT",
                    "parentOrgId", null, "name", "District " + district));
            organization(feeder, "roster.OrganizationRegistered", school, map("orgId", school, "type", "SCHOOL",
                    "parentOrgId", district, "name", "School " + school));
            organization(feeder, "roster.LeaderAssigned", district, map("orgId", district, "leaderId", leader));
            feeder.send("roster.classes.v1", cls, "roster.ClassCreated", null, map("classId", cls, "schoolId", school,
                    "courseId", courseId, "title", "Math 6", "term", "Fall 2026"));
            feeder.send("roster.classes.v1", cls, "roster.TeacherAssigned", null, map("classId", cls, "teacherId", teacher));
            feeder.send("roster.enrollments.v1", student, "roster.StudentRegistered", student, map("studentId", student,
                    "schoolId", school, "gradeLevel", "06"));
            feeder.send("roster.enrollments.v1", student, "roster.StudentEnrolled", student, map("studentId", student, "classId", cls));
            feeder.send("roster.enrollments.v1", student, "roster.GuardianLinked", student, map("studentId", student,
                    "guardianId", guardian, "relationship", "PARENT"));
        }
    }

    private static void organization(CloudEventFeeder feeder, String type, String orgId, Map<String, Object> data) {
        feeder.send("roster.organizations.v1", orgId, type, null, data);
    }

    /**
     * The world of the matrix: viewers on side A; objects {@code student}, {@code guardian},
     * {@code teacher}, {@code class}, {@code school}, {@code district}; side B's people as secrets.
     */
    public BolaWorld world() {
        return new BolaWorld()
                .viewer(BolaRole.STUDENT, studentA)
                .viewer(BolaRole.GUARDIAN, guardianA)
                .viewer(BolaRole.TEACHER, teacherA)
                .viewer(BolaRole.LEADER, leaderA)
                .viewer(BolaRole.AUDITOR, auditor)
                .viewer(BolaRole.ADMIN, admin)
                .object("student", studentA, studentB)
                .object("guardian", guardianA, guardianB)
                .object("teacher", teacherA, teacherB)
                .object("class", classA, classB)
                .object("school", schoolA, schoolB)
                .object("district", districtA, districtB)
                .secret(studentB, guardianB);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
