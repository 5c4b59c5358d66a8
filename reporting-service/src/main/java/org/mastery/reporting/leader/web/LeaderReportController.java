package org.mastery.reporting.leader.web;

import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Viewer;
import org.mastery.reporting.leader.query.LeaderRollups;
import org.mastery.reporting.leader.query.LeaderViews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** School and district roll-ups: for leaders of that organisation (or its district), admins and auditors. */
@RestController
public class LeaderReportController {

    private final LeaderRollups rollups;
    private final AccessGuard access;

    public LeaderReportController(LeaderRollups rollups, AccessGuard access) {
        this.rollups = rollups;
        this.access = access;
    }

    @GetMapping("/api/reports/schools/{id}/summary")
    public LeaderViews.Summary school(@PathVariable String id, Viewer viewer) {
        return summary(id, viewer, "school");
    }

    @GetMapping("/api/reports/districts/{id}/summary")
    public LeaderViews.Summary district(@PathVariable String id, Viewer viewer) {
        return summary(id, viewer, "district");
    }

    private LeaderViews.Summary summary(String id, Viewer viewer, String kind) {
        if (!access.policy().canReadOrganization(viewer, id)) {
            throw new NoSuchObjectException(kind, id);
        }
        return rollups.organization(id).map(rollups::summary).orElseThrow(() -> new NoSuchObjectException(kind, id));
    }
}
