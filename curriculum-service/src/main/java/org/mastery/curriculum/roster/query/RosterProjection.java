package org.mastery.curriculum.roster.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.curriculum.roster.domain.ClassCreated;
import org.mastery.curriculum.roster.domain.LeaderAssigned;
import org.mastery.curriculum.roster.domain.LeaderUnassigned;
import org.mastery.curriculum.roster.domain.OrganizationRegistered;
import org.mastery.curriculum.roster.domain.StudentEnrolled;
import org.mastery.curriculum.roster.domain.StudentUnenrolled;
import org.mastery.curriculum.roster.domain.TeacherAssigned;
import org.mastery.curriculum.roster.domain.TeacherUnassigned;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the organisation and class views. Writes are by {@code _id}, and set additions and removals,
 * so applying an event twice changes nothing. Runs in {@value #GROUP} with {@link RosterAccessFeed}.
 */
@Component
@ProcessingGroup(RosterProjection.GROUP)
public class RosterProjection {

    public static final String GROUP = "roster-projection";

    private final MongoTemplate mongo;

    public RosterProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OrganizationRegistered e) {
        mongo.upsert(byId(e.orgId()), new Update().set("type", e.type()).set("parentOrgId", e.parentOrgId())
                .set("name", e.name()).set("registeredAt", e.registeredAt()), OrganizationView.class);
    }

    @EventHandler
    void on(LeaderAssigned e) {
        mongo.upsert(byId(e.orgId()), new Update().addToSet("leaderIds", e.leaderId()), OrganizationView.class);
    }

    @EventHandler
    void on(LeaderUnassigned e) {
        mongo.updateFirst(byId(e.orgId()), new Update().pull("leaderIds", e.leaderId()), OrganizationView.class);
    }

    @EventHandler
    void on(ClassCreated e) {
        mongo.upsert(byId(e.classId()), new Update().set("schoolId", e.schoolId()).set("courseId", e.courseId())
                .set("title", e.title()).set("term", e.term()).set("createdAt", e.createdAt()), ClassView.class);
    }

    @EventHandler
    void on(TeacherAssigned e) {
        mongo.upsert(byId(e.classId()), new Update().addToSet("teacherIds", e.teacherId()), ClassView.class);
    }

    @EventHandler
    void on(TeacherUnassigned e) {
        mongo.updateFirst(byId(e.classId()), new Update().pull("teacherIds", e.teacherId()), ClassView.class);
    }

    @EventHandler
    void on(StudentEnrolled e) {
        mongo.upsert(byId(e.classId()), new Update().addToSet("studentIds", e.studentId()), ClassView.class);
    }

    @EventHandler
    void on(StudentUnenrolled e) {
        mongo.updateFirst(byId(e.classId()), new Update().pull("studentIds", e.studentId()), ClassView.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
