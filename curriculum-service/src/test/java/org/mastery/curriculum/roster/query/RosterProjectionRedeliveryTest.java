package org.mastery.curriculum.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.roster.domain.ClassCreated;
import org.mastery.curriculum.roster.domain.StudentEnrolled;
import org.mastery.curriculum.roster.domain.StudentUnenrolled;
import org.mastery.curriculum.roster.domain.TeacherAssigned;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class RosterProjectionRedeliveryTest extends ApiTest {

    static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

    @Autowired
    RosterProjection projection;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theClassViewIsTheSameAfterARedelivery() {
        String cls = unique("cls");
        Runnable all = () -> {
            projection.on(new ClassCreated(cls, "org-s", "crs-1", "Math 6", "Fall", T));
            projection.on(new TeacherAssigned(cls, "tch-1", T));
            projection.on(new StudentEnrolled(cls, "stu-1", T));
            projection.on(new StudentEnrolled(cls, "stu-2", T));
            projection.on(new StudentUnenrolled(cls, "stu-1", T));
        };
        all.run();
        ClassView first = mongo.findById(cls, ClassView.class);
        assertThat(first.studentIds()).containsExactly("stu-2");
        assertThat(first.teacherIds()).containsExactly("tch-1");
        assertThat(first.title()).isEqualTo("Math 6");
        all.run();
        assertThat(mongo.findById(cls, ClassView.class)).isEqualTo(first);
    }
}
