package org.mastery.access.disclosure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Names, from inside a {@link DisclosesStudentRecord} handler, the students whose data the answer
 * holds when they are not in the path (an attempt's student, the students of a class list).
 * Recorded only if the answer is successful.
 */
public final class StudentRecordDisclosures {

    static final String ATTRIBUTE = StudentRecordDisclosures.class.getName() + ".students";

    private StudentRecordDisclosures() {
    }

    public static void add(String studentId) {
        if (studentId != null && !studentId.isBlank()) {
            students().add(studentId);
        }
    }

    public static void addAll(Collection<String> studentIds) {
        studentIds.forEach(StudentRecordDisclosures::add);
    }

    @SuppressWarnings("unchecked")
    static Set<String> students() {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        Object students = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (students == null) {
            students = new LinkedHashSet<String>();
            request.setAttribute(ATTRIBUTE, students, RequestAttributes.SCOPE_REQUEST);
        }
        return (Set<String>) students;
    }
}
