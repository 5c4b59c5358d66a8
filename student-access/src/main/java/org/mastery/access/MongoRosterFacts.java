package org.mastery.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Roster facts kept in the service's MongoDB, one document per student, class, person and
 * organisation, read and written by {@code _id} only. Updates are set additions and removals, so
 * applying an event twice changes nothing.
 */
public class MongoRosterFacts implements RosterFacts {

    static final String STUDENTS = "access_students";
    static final String CLASSES = "access_classes";
    static final String PEOPLE = "access_people";
    static final String ORGANIZATIONS = "access_organizations";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> students;
    private final MongoCollection<Document> classes;
    private final MongoCollection<Document> people;
    private final MongoCollection<Document> organizations;

    public MongoRosterFacts(MongoDatabase database) {
        students = database.getCollection(STUDENTS);
        classes = database.getCollection(CLASSES);
        people = database.getCollection(PEOPLE);
        organizations = database.getCollection(ORGANIZATIONS);
    }

    @Override
    public Optional<StudentFacts> student(String studentId) {
        return byId(students, studentId).map(d -> new StudentFacts(studentId, d.getString("schoolId"),
                set(d, "classIds"), set(d, "guardianIds")));
    }

    @Override
    public Optional<ClassFacts> schoolClass(String classId) {
        return byId(classes, classId).map(d -> new ClassFacts(classId, d.getString("schoolId"),
                set(d, "teacherIds"), set(d, "studentIds")));
    }

    @Override
    public Set<String> organizationsLedBy(String leaderId) {
        return byId(people, leaderId).map(d -> set(d, "ledOrgIds")).orElse(Set.of());
    }

    @Override
    public Optional<String> parentOrganization(String orgId) {
        return byId(organizations, orgId).map(d -> d.getString("parentOrgId"));
    }

    @Override
    public Set<String> classesTaughtBy(String teacherId) {
        return byId(people, teacherId).map(d -> set(d, "taughtClassIds")).orElse(Set.of());
    }

    @Override
    public Set<String> childrenOf(String guardianId) {
        return byId(people, guardianId).map(d -> set(d, "childIds")).orElse(Set.of());
    }

    // ---- writes, used by RosterAccessProjection ----

    void setOrganizationParent(String orgId, String parentOrgId) {
        organizations.updateOne(id(orgId), new Document("$set", new Document("parentOrgId", parentOrgId)), UPSERT);
    }

    void setClassSchool(String classId, String schoolId) {
        classes.updateOne(id(classId), new Document("$set", new Document("schoolId", schoolId)), UPSERT);
    }

    void setStudentSchool(String studentId, String schoolId) {
        students.updateOne(id(studentId), new Document("$set", new Document("schoolId", schoolId)), UPSERT);
    }

    void addToStudent(String studentId, String field, String value) {
        students.updateOne(id(studentId), add(field, value), UPSERT);
    }

    void removeFromStudent(String studentId, String field, String value) {
        students.updateOne(id(studentId), remove(field, value));
    }

    void addToClass(String classId, String field, String value) {
        classes.updateOne(id(classId), add(field, value), UPSERT);
    }

    void removeFromClass(String classId, String field, String value) {
        classes.updateOne(id(classId), remove(field, value));
    }

    void addToPerson(String personId, String field, String value) {
        people.updateOne(id(personId), add(field, value), UPSERT);
    }

    void removeFromPerson(String personId, String field, String value) {
        people.updateOne(id(personId), remove(field, value));
    }

    private static Bson id(String id) {
        return new Document("_id", id);
    }

    private static Bson add(String field, String value) {
        return new Document("$addToSet", new Document(field, value));
    }

    private static Bson remove(String field, String value) {
        return new Document("$pull", new Document(field, value));
    }

    private static Optional<Document> byId(MongoCollection<Document> collection, String id) {
        return Optional.ofNullable(collection.find(new Document("_id", id)).first());
    }

    private static Set<String> set(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null ? Set.of() : Set.copyOf(new HashSet<>(values));
    }
}
