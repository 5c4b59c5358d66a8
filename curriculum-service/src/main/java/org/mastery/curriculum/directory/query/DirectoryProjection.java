package org.mastery.curriculum.directory.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.curriculum.course.domain.CourseDefined;
import org.mastery.curriculum.framework.domain.CompetencyDefined;
import org.mastery.curriculum.framework.domain.CompetencyPublished;
import org.mastery.curriculum.framework.domain.CompetencyRevised;
import org.mastery.curriculum.framework.domain.FrameworkDrafted;
import org.mastery.curriculum.roster.domain.ClassCreated;
import org.mastery.curriculum.roster.domain.OrganizationRegistered;
import org.mastery.curriculum.roster.domain.PersonRegistered;
import org.mastery.curriculum.roster.domain.PersonalDataErased;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Directory} in step with the log. It runs in the subscribing processor
 * {@value #GROUP}: inside the unit of work (and database transaction) that stores the events, so a
 * command and its directory rows commit or roll back together. Inserts ignore existing rows.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
public class DirectoryProjection {

    public static final String GROUP = "directory";

    private final Directory directory;

    public DirectoryProjection(Directory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(FrameworkDrafted e) {
        directory.add(e.frameworkId(), Directory.FRAMEWORK, null, null, null);
    }

    @EventHandler
    void on(CompetencyDefined e) {
        directory.add(e.competencyId(), Directory.COMPETENCY, null, e.frameworkId(), e.content().code());
    }

    @EventHandler
    void on(CompetencyRevised e) {
        directory.setCode(e.competencyId(), e.content().code(), false);
    }

    @EventHandler
    void on(CompetencyPublished e) {
        directory.setCode(e.competencyId(), e.content().code(), true);
    }

    @EventHandler
    void on(CourseDefined e) {
        directory.add(e.courseId(), Directory.COURSE, null, null, null);
    }

    @EventHandler
    void on(OrganizationRegistered e) {
        directory.add(e.orgId(), Directory.ORGANIZATION, e.type(), e.parentOrgId(), null);
    }

    @EventHandler
    void on(ClassCreated e) {
        directory.add(e.classId(), Directory.CLASS, null, e.schoolId(), null);
    }

    @EventHandler
    void on(PersonRegistered e) {
        directory.add(e.personId(), Directory.PERSON, e.role(), e.schoolId(), null);
    }

    @EventHandler
    void on(PersonalDataErased e) {
        directory.markErased(e.personId(), e.erasedAt());
    }
}
