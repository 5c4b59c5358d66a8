package org.mastery.curriculum.course.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CourseTest {

    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant EARLIER = Instant.parse("2026-11-01T08:00:00Z");

    FixtureConfiguration<Course> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Course.class);
        fixture.registerInjectableResource(Clock.fixed(T0, ZoneOffset.UTC));
    }

    static CourseContent content(double credits, String... competencies) {
        return new CourseContent("MATH-6", "Math 6", "Mathematics", credits, List.of(competencies));
    }

    @Test
    void aCourseIsDefinedAtVersionOneWithDuplicatesRemoved() {
        fixture.givenNoPriorActivity()
                .when(new DefineCourse("crs-1", new CourseContent(" MATH-6 ", "Math 6", "Mathematics", 1.5, List.of("c1", "c2", "c1"))))
                .expectEvents(new CourseDefined("crs-1", 1, content(1.5, "c1", "c2"), T0));
    }

    @Test
    void creditsMustBeBetweenZeroAndAHundred() {
        fixture.givenNoPriorActivity()
                .when(new DefineCourse("crs-1", content(-1)))
                .expectException(InvalidCourseException.class)
                .expectExceptionMessage("credits must be between 0 and 100 (got -1.0)");
    }

    @Test
    void aCourseNeedsACodeTitleAndSubject() {
        fixture.givenNoPriorActivity()
                .when(new DefineCourse("crs-1", new CourseContent("M", "", "Mathematics", 1, List.of())))
                .expectException(InvalidCourseException.class)
                .expectExceptionMessage("A course needs a title");
    }

    @Test
    void aRevisionIsTheNextVersion() {
        fixture.given(new CourseDefined("crs-1", 1, content(1, "c1"), EARLIER))
                .when(new ReviseCourse("crs-1", content(2, "c1", "c2")))
                .expectEvents(new CourseRevised("crs-1", 2, 1, content(2, "c1", "c2"), T0))
                .expectResultMessagePayload(2);
    }

    @Test
    void anIdenticalRevisionChangesNothing() {
        fixture.given(new CourseDefined("crs-1", 1, content(1, "c1"), EARLIER))
                .when(new ReviseCourse("crs-1", content(1, "c1")))
                .expectNoEvents()
                .expectResultMessagePayload(1);
    }
}
