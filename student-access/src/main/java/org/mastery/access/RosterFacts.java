package org.mastery.access;

import java.util.Optional;
import java.util.Set;

/** What the access rules need to know of the roster, as each service has received it. */
public interface RosterFacts {

    Optional<StudentFacts> student(String studentId);

    Optional<ClassFacts> schoolClass(String classId);

    /** Organisations (schools, districts) the person leads. */
    Set<String> organizationsLedBy(String leaderId);

    /** The district of a school, if known. */
    Optional<String> parentOrganization(String orgId);

    /** Classes the person teaches. */
    Set<String> classesTaughtBy(String teacherId);

    /** Students linked to the guardian. */
    Set<String> childrenOf(String guardianId);

    record StudentFacts(String studentId, String schoolId, Set<String> classIds, Set<String> guardianIds) {
    }

    record ClassFacts(String classId, String schoolId, Set<String> teacherIds, Set<String> studentIds) {
    }
}
