package org.mastery.curriculum.roster.integration.oneroster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.mastery.curriculum.course.domain.CourseContent;
import org.mastery.curriculum.course.domain.DefineCourse;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.roster.domain.AssignLeader;
import org.mastery.curriculum.roster.domain.AssignTeacher;
import org.mastery.curriculum.roster.domain.CreateClass;
import org.mastery.curriculum.roster.domain.EnrollStudent;
import org.mastery.curriculum.roster.domain.LinkGuardian;
import org.mastery.curriculum.roster.domain.Organization;
import org.mastery.curriculum.roster.domain.RegisterOrganization;
import org.mastery.curriculum.roster.domain.RegisterPerson;
import org.mastery.curriculum.roster.domain.UnassignTeacher;
import org.mastery.curriculum.roster.domain.UnenrollStudent;
import org.mastery.curriculum.roster.query.PersonalData;
import org.mastery.curriculum.roster.query.PersonalDataStore;
import org.mastery.kit.web.CorrelationIdDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a OneRoster 1.2 CSV bundle ({@code orgs.csv}, {@code users.csv}, {@code classes.csv},
 * {@code enrollments.csv}, {@code courses.csv}, {@code academicSessions.csv}; {@code roles.csv} when
 * {@code users.csv} has no {@code role} column, as in 1.2; guardians through {@code agentSourcedIds}
 * and the roles guardian/parent/relative).
 *
 * <p>Two phases. First every file is read and every row checked, references included (to rows of the
 * bundle or to what earlier imports created); the first problem is reported with its file and line
 * and nothing is stored. Then all commands are sent in one database transaction (with a command
 * gateway that does not retry on another thread), together with the sourcedId mapping and the
 * personal data, so the import is stored whole or not at all. Importing the same bundle again
 * creates nothing new: sourcedIds map to the ids created before, and the commands are idempotent.
 */
@Component
public class OneRosterImporter {

    static final Set<String> KNOWN_FILES = Set.of("orgs.csv", "users.csv", "classes.csv", "enrollments.csv", "courses.csv",
            "academicsessions.csv", "roles.csv");
    static final long MAX_BUNDLE_BYTES = 200L * 1024 * 1024;

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final SourcedIds sourcedIds;
    private final Directory directory;
    private final PersonalDataStore personalData;
    private final Clock clock;

    public OneRosterImporter(CommandBus commandBus, PlatformTransactionManager transactionManager, SourcedIds sourcedIds,
                             Directory directory, PersonalDataStore personalData, Clock clock) {
        // no retry scheduler: a retry would run on another thread, outside the import's transaction
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus)
                .dispatchInterceptors(new CorrelationIdDispatchInterceptor()).build();
        this.transactions = new TransactionTemplate(transactionManager);
        this.sourcedIds = sourcedIds;
        this.directory = directory;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Created and already present, per kind. */
    public record Counts(int created, int existing) {
    }

    /**
     * What an import did. {@code ids} answers which Mastery id each sourcedId of the bundle has (new or found),
     * per kind ({@code organizations}, {@code courses}, {@code classes}, {@code users}), so that a SIS sync or a
     * script can address what it imported without a lookup of its own.
     */
    public record Result(Counts organizations, Counts courses, Counts classes, Map<String, Counts> people,
                         int enrollments, int unenrollments, int teacherAssignments, int guardianLinks,
                         int leaderAssignments, int skippedRows, List<String> warnings, long elapsedMillis,
                         Map<String, Map<String, String>> ids) {
    }

    /** Reads a zip archive into its files by name (folders ignored). */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || name.contains("__MACOSX") || name.substring(name.lastIndexOf('/') + 1).startsWith(".")) {
                    continue;
                }
                byte[] bytes = in.readNBytes((int) Math.min(MAX_BUNDLE_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += bytes.length;
                if (total > MAX_BUNDLE_BYTES) {
                    throw new OneRosterImportException(null, 0, "the bundle is larger than " + MAX_BUNDLE_BYTES + " bytes");
                }
                files.put(name.substring(name.lastIndexOf('/') + 1), bytes);
            }
        } catch (IOException e) {
            // the reader's own message is not passed on (no exception text in answers)
            throw new OneRosterImportException(null, 0, "the upload is not a readable zip archive");
        }
        if (files.isEmpty()) {
            throw new OneRosterImportException(null, 0, "the upload is not a zip archive of OneRoster CSV files");
        }
        return files;
    }

    public Result importBundle(Map<String, byte[]> rawFiles) {
        long started = System.nanoTime();
        Plan plan = plan(rawFiles);
        transactions.executeWithoutResult(status -> plan.execute());
        return plan.result((System.nanoTime() - started) / 1_000_000);
    }

    // ---------------------------------------------------------------- phase 1: read and check

    private Plan plan(Map<String, byte[]> rawFiles) {
        Plan plan = new Plan();
        Map<String, CsvTable> tables = new HashMap<>();
        for (Map.Entry<String, byte[]> file : rawFiles.entrySet()) {
            String name = file.getKey().toLowerCase(Locale.ROOT);
            if (!KNOWN_FILES.contains(name)) {
                plan.warnings.add(file.getKey() + " is not used by this import and was ignored");
                continue;
            }
            tables.put(name, CsvTable.parse(canonical(name), file.getValue()));
        }
        for (String required : List.of("orgs.csv", "users.csv")) {
            if (!tables.containsKey(required)) {
                throw new OneRosterImportException(null, 0, "the bundle has no " + required + " (found " + rawFiles.keySet() + ")");
            }
        }
        readOrgs(tables.get("orgs.csv"), plan);
        Map<String, String> sessions = readSessions(tables.get("academicsessions.csv"));
        if (tables.containsKey("courses.csv")) {
            readCourses(tables.get("courses.csv"), plan);
        }
        if (tables.containsKey("classes.csv")) {
            readClasses(tables.get("classes.csv"), sessions, tables.containsKey("academicsessions.csv"), plan);
        }
        readUsers(tables.get("users.csv"), tables.get("roles.csv"), plan);
        if (tables.containsKey("enrollments.csv")) {
            readEnrollments(tables.get("enrollments.csv"), plan);
        }
        return plan;
    }

    private static String canonical(String lower) {
        return "academicsessions.csv".equals(lower) ? "academicSessions.csv" : lower;
    }

    private void readOrgs(CsvTable orgs, Plan plan) {
        orgs.requireColumns("sourcedId", "name", "type");
        Map<String, CsvTable.Row> schools = new LinkedHashMap<>();
        for (CsvTable.Row row : orgs.rows()) {
            String sourcedId = row.required("sourcedId");
            if (plan.orgRows.put(sourcedId, row) != null) {
                throw row.problem("sourcedId " + sourcedId + " appears twice");
            }
            if (toBeDeleted(row)) {
                plan.skipped++;
                plan.unsupportedOrgs.add(sourcedId);
                continue;
            }
            String name = row.required("name");
            if (name.length() > 200) {
                throw row.problem("name must be at most 200 characters");
            }
            String type = row.required("type").toLowerCase(Locale.ROOT);
            switch (type) {
                case "district" -> plan.orgs.add(new OrgPlan(sourcedId, Organization.DISTRICT, null, name,
                        existingOr(SourcedIds.ORG, sourcedId, "org-"), row));
                case "school" -> schools.put(sourcedId, row);
                case "state", "national", "local", "department" -> {
                    plan.unsupportedOrgs.add(sourcedId);
                    plan.warnings.add("orgs.csv line " + row.line() + ": " + type + " organisations are not part of the roster model; skipped");
                }
                default -> throw row.problem("type '" + row.get("type") + "' is not a OneRoster org type");
            }
        }
        for (OrgPlan district : plan.orgs) {
            plan.orgIds.put(district.sourcedId, district.id.id());
            plan.orgTypes.put(district.sourcedId, Organization.DISTRICT);
        }
        for (Map.Entry<String, CsvTable.Row> school : schools.entrySet()) {
            CsvTable.Row row = school.getValue();
            String parent = row.get("parentSourcedId");
            String parentId = null;
            if (parent != null) {
                if (Organization.DISTRICT.equals(plan.orgTypes.get(parent))) {
                    parentId = plan.orgIds.get(parent);
                } else if (plan.orgRows.containsKey(parent)) {
                    plan.warnings.add("orgs.csv line " + row.line() + ": the parent " + parent + " is not a district; the school is registered without one");
                } else {
                    Optional<String> known = sourcedIds.find(SourcedIds.ORG, parent)
                            .filter(id -> directory.find(id, Directory.ORGANIZATION, Organization.DISTRICT).isPresent());
                    if (known.isEmpty()) {
                        throw row.problem("parentSourcedId " + parent + " is neither a district of orgs.csv nor one imported before");
                    }
                    parentId = known.get();
                }
            }
            OrgPlan plannedSchool = new OrgPlan(school.getKey(), Organization.SCHOOL, parentId, row.get("name"),
                    existingOr(SourcedIds.ORG, school.getKey(), "org-"), row);
            plan.orgs.add(plannedSchool);
            plan.orgIds.put(school.getKey(), plannedSchool.id.id());
            plan.orgTypes.put(school.getKey(), Organization.SCHOOL);
        }
    }

    private static Map<String, String> readSessions(CsvTable sessions) {
        Map<String, String> titles = new HashMap<>();
        if (sessions == null) {
            return titles;
        }
        sessions.requireColumns("sourcedId", "title", "type", "startDate", "endDate");
        for (CsvTable.Row row : sessions.rows()) {
            String sourcedId = row.required("sourcedId");
            if (titles.put(sourcedId, row.required("title")) != null) {
                throw row.problem("sourcedId " + sourcedId + " appears twice");
            }
            String type = row.required("type").toLowerCase(Locale.ROOT);
            if (!Set.of("schoolyear", "term", "semester", "gradingperiod").contains(type)) {
                throw row.problem("type '" + row.get("type") + "' is not an academic session type (schoolYear, term, semester, gradingPeriod)");
            }
            LocalDate start = date(row, "startDate", true);
            LocalDate end = date(row, "endDate", true);
            if (end.isBefore(start)) {
                throw row.problem("endDate " + end + " is before startDate " + start);
            }
            String year = row.get("schoolYear");
            if (year != null && !year.matches("\\d{4}")) {
                throw row.problem("schoolYear '" + year + "' is not a four-digit year");
            }
        }
        return titles;
    }

    private void readCourses(CsvTable courses, Plan plan) {
        courses.requireColumns("sourcedId", "title", "orgSourcedId");
        for (CsvTable.Row row : courses.rows()) {
            String sourcedId = row.required("sourcedId");
            if (plan.courseRows.put(sourcedId, row) != null) {
                throw row.problem("sourcedId " + sourcedId + " appears twice");
            }
            if (toBeDeleted(row)) {
                plan.skipped++;
                continue;
            }
            String title = row.required("title");
            String org = row.required("orgSourcedId");
            if (!plan.orgRows.containsKey(org) && sourcedIds.find(SourcedIds.ORG, org).isEmpty()) {
                throw row.problem("orgSourcedId " + org + " is neither in orgs.csv nor imported before");
            }
            String code = row.get("courseCode") != null ? row.get("courseCode") : title;
            String subjects = row.get("subjects");
            String subject = subjects == null ? "General" : subjects.split(",")[0].strip();
            CourseContent content = new CourseContent(truncate(code, 60), truncate(title, 200),
                    truncate(subject.isEmpty() ? "General" : subject, 100), 0, List.of());
            PlannedId id = existingOr(SourcedIds.COURSE, sourcedId, "crs-");
            plan.courses.add(new CoursePlan(sourcedId, id, content));
            plan.courseIds.put(sourcedId, id.id());
        }
    }

    private void readClasses(CsvTable classes, Map<String, String> sessions, boolean sessionsGiven, Plan plan) {
        classes.requireColumns("sourcedId", "title", "courseSourcedId", "schoolSourcedId");
        boolean warnedTerms = false;
        for (CsvTable.Row row : classes.rows()) {
            String sourcedId = row.required("sourcedId");
            if (plan.classRows.put(sourcedId, row) != null) {
                throw row.problem("sourcedId " + sourcedId + " appears twice");
            }
            if (toBeDeleted(row)) {
                plan.skipped++;
                continue;
            }
            String title = row.required("title");
            String course = row.required("courseSourcedId");
            String courseId = plan.courseIds.get(course);
            if (courseId == null) {
                courseId = sourcedIds.find(SourcedIds.COURSE, course).orElseThrow(() ->
                        row.problem("courseSourcedId " + course + " is neither in courses.csv nor imported before"));
            }
            String school = row.required("schoolSourcedId");
            String schoolId = schoolIdIn(plan).apply(school).orElseThrow(() ->
                    row.problem("schoolSourcedId " + school + " is not a school of orgs.csv nor one imported before"));
            String term = null;
            String terms = row.get("termSourcedIds");
            if (terms != null) {
                List<String> titles = new ArrayList<>();
                for (String t : terms.split(",")) {
                    if (t.isBlank()) {
                        continue;
                    }
                    String termTitle = sessions.get(t.strip());
                    if (termTitle == null && sessionsGiven) {
                        throw row.problem("termSourcedIds names " + t.strip() + ", which is not in academicSessions.csv");
                    }
                    if (termTitle != null) {
                        titles.add(termTitle);
                    }
                }
                if (!sessionsGiven && !warnedTerms) {
                    plan.warnings.add("classes.csv names terms but the bundle has no academicSessions.csv; classes have no term");
                    warnedTerms = true;
                }
                term = titles.isEmpty() ? null : truncate(String.join(", ", titles), 100);
            }
            PlannedId id = existingOr(SourcedIds.CLASS, sourcedId, "cls-");
            plan.classes.add(new ClassPlan(sourcedId, id, schoolId, courseId, truncate(title, 200), term));
            plan.classIds.put(sourcedId, id.id());
        }
    }

    private void readUsers(CsvTable users, CsvTable roles, Plan plan) {
        users.requireColumns("sourcedId", "givenName", "familyName");
        Map<String, CsvTable.Row> primaryRoles = new HashMap<>();
        if (!users.hasColumn("role")) {
            if (roles == null) {
                throw new OneRosterImportException("users.csv", 1, "there is no role column and the bundle has no roles.csv");
            }
            roles.requireColumns("userSourcedId", "role", "orgSourcedId");
            for (CsvTable.Row row : roles.rows()) {
                String user = row.required("userSourcedId");
                row.required("role");
                String roleType = row.get("roleType");
                if (roleType == null || "primary".equalsIgnoreCase(roleType) || !primaryRoles.containsKey(user)) {
                    primaryRoles.put(user, row);
                }
            }
        }
        for (CsvTable.Row row : users.rows()) {
            String sourcedId = row.required("sourcedId");
            if (plan.userRows.put(sourcedId, row) != null) {
                throw row.problem("sourcedId " + sourcedId + " appears twice");
            }
            if (toBeDeleted(row)) {
                plan.skipped++;
                continue;
            }
            CsvTable.Row roleRow = users.hasColumn("role") ? row : primaryRoles.get(sourcedId);
            if (roleRow == null) {
                throw row.problem("user " + sourcedId + " has no role in roles.csv");
            }
            String oneRosterRole = roleRow.required("role");
            String role = role(oneRosterRole, roleRow);
            if (role == null) {
                plan.skipped++;
                plan.warnings.add("users.csv line " + row.line() + ": role " + oneRosterRole + " is not part of the roster model; skipped");
                continue;
            }
            String email = row.get("email");
            if (email != null && (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 320)) {
                throw row.problem("email '" + email + "' is not an e-mail address");
            }
            PersonalData data = new PersonalData(limited(row, "givenName", row.required("givenName")),
                    limited(row, "familyName", row.required("familyName")), limited(row, "middleName", row.get("middleName")),
                    limited(row, "preferredGivenName", row.get("preferredGivenName")), email,
                    limited(row, "username", row.get("username")));
            List<String> orgSourcedIds = new ArrayList<>();
            if (row.get("primaryOrgSourcedId") != null) {
                orgSourcedIds.add(row.get("primaryOrgSourcedId"));
            }
            if (row.get("orgSourcedIds") != null) {
                for (String o : row.get("orgSourcedIds").split(",")) {
                    if (!o.isBlank()) {
                        orgSourcedIds.add(o.strip());
                    }
                }
            }
            if (roleRow != row && roleRow.get("orgSourcedId") != null) {
                orgSourcedIds.add(roleRow.get("orgSourcedId"));
            }
            List<String> orgIds = new ArrayList<>();
            for (String org : new LinkedHashSet<>(orgSourcedIds)) {
                if (plan.unsupportedOrgs.contains(org)) {
                    continue;
                }
                String orgId = plan.orgIds.containsKey(org) ? plan.orgIds.get(org) : sourcedIds.find(SourcedIds.ORG, org).orElseThrow(() ->
                        row.problem("organisation " + org + " is neither in orgs.csv nor imported before"));
                orgIds.add(orgId);
            }
            String schoolId = orgSourcedIds.stream().map(schoolIdIn(plan)).flatMap(Optional::stream).findFirst().orElse(null);
            if ("STUDENT".equals(role) && schoolId == null) {
                throw row.problem("student " + sourcedId + " needs a school (primaryOrgSourcedId, orgSourcedIds or roles.csv naming a school)");
            }
            String grades = row.get("grades");
            String grade = grades == null ? null : truncate(grades.split(",")[0].strip(), 20);
            Optional<String> existing = sourcedIds.find(SourcedIds.USER, sourcedId);
            if (existing.isPresent()) {
                Optional<Directory.Entry> entry = directory.find(existing.get(), Directory.PERSON, null);
                if (entry.isPresent() && !role.equals(entry.get().subtype())) {
                    throw row.problem("user " + sourcedId + " was imported before as " + entry.get().subtype() + ", now as " + role
                            + "; a person keeps one role");
                }
            }
            PlannedId id = existing.map(PlannedId::existing).orElseGet(() -> PlannedId.fresh(prefix(role)));
            UserPlan user = new UserPlan(sourcedId, id, role, relationship(oneRosterRole), schoolId, grade, data, orgIds,
                    agents(row), row);
            plan.users.put(sourcedId, user);
        }
        // guardian links, from either side's agentSourcedIds
        for (UserPlan user : plan.users.values()) {
            for (String agent : user.agents) {
                Optional<Agent> other = agent(agent, plan);
                if (other.isEmpty() && plan.userRows.containsKey(agent)) {
                    plan.warnings.add("users.csv line " + user.row.line() + ": agent " + agent + " was skipped, so is not linked");
                    continue;
                }
                if (other.isEmpty()) {
                    throw user.row.problem("agentSourcedIds names " + agent + ", who is neither in users.csv nor imported before");
                }
                Agent a = other.get();
                if ("STUDENT".equals(user.role) && "GUARDIAN".equals(a.role)) {
                    plan.links.add(new LinkPlan(user.id.id(), a.id, a.relationship));
                } else if ("GUARDIAN".equals(user.role) && "STUDENT".equals(a.role)) {
                    plan.links.add(new LinkPlan(a.id, user.id.id(), user.relationship));
                } else {
                    plan.warnings.add("users.csv line " + user.row.line() + ": agent " + agent + " links a " + user.role
                            + " and a " + a.role + "; only student–guardian links are kept");
                }
            }
        }
    }

    private void readEnrollments(CsvTable enrollments, Plan plan) {
        enrollments.requireColumns("sourcedId", "classSourcedId", "userSourcedId", "role");
        Set<String> seen = new java.util.HashSet<>();
        for (CsvTable.Row row : enrollments.rows()) {
            String sourcedId = row.required("sourcedId");
            if (!seen.add(sourcedId)) {
                throw row.problem("sourcedId " + sourcedId + " appears twice");
            }
            String cls = row.required("classSourcedId");
            String user = row.required("userSourcedId");
            String role = row.required("role").toLowerCase(Locale.ROOT);
            date(row, "beginDate", false);
            date(row, "endDate", false);
            String primary = row.get("primary");
            if (primary != null && !primary.equalsIgnoreCase("true") && !primary.equalsIgnoreCase("false")) {
                throw row.problem("primary must be true or false (got '" + primary + "')");
            }
            if (Set.of("administrator", "proctor", "aide", "guardian", "parent", "relative", "principal").contains(role)) {
                plan.skipped++;
                continue;
            }
            if (!Set.of("student", "teacher").contains(role)) {
                throw row.problem("role '" + row.get("role") + "' is not a OneRoster enrolment role");
            }
            if (plan.userRows.containsKey(user) && !plan.users.containsKey(user)) {
                plan.skipped++; // the user was skipped (tobedeleted, or a role outside the roster model)
                continue;
            }
            String classId = plan.classIds.containsKey(cls) ? plan.classIds.get(cls) : sourcedIds.find(SourcedIds.CLASS, cls).orElseThrow(() ->
                    row.problem("classSourcedId " + cls + " is neither in classes.csv nor imported before"));
            Agent person = agent(user, plan).orElseThrow(() ->
                    row.problem("userSourcedId " + user + " is neither in users.csv nor imported before"));
            boolean remove = toBeDeleted(row);
            switch (role) {
                case "student" -> {
                    if (!"STUDENT".equals(person.role)) {
                        throw row.problem("user " + user + " is enrolled as a student but is a " + person.role);
                    }
                    plan.enrollments.add(new EnrollmentPlan(classId, person.id, true, remove));
                }
                case "teacher" -> {
                    if (!"TEACHER".equals(person.role)) {
                        throw row.problem("user " + user + " is enrolled as a teacher but is a " + person.role);
                    }
                    plan.enrollments.add(new EnrollmentPlan(classId, person.id, false, remove));
                }
                default -> throw new IllegalStateException(role);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private java.util.function.Function<String, Optional<String>> schoolIdIn(Plan plan) {
        return org -> {
            if (plan.orgTypes.containsKey(org)) {
                return Organization.SCHOOL.equals(plan.orgTypes.get(org)) ? Optional.of(plan.orgIds.get(org)) : Optional.empty();
            }
            return plan.unsupportedOrgs.contains(org) ? Optional.empty() : schoolId(org);
        };
    }

    /** A school already imported (a school of the bundle is found by the caller first). */
    private Optional<String> schoolId(String sourcedId) {
        return sourcedIds.find(SourcedIds.ORG, sourcedId)
                .filter(id -> directory.find(id, Directory.ORGANIZATION, Organization.SCHOOL).isPresent());
    }

    private record Agent(String id, String role, String relationship) {
    }

    private Optional<Agent> agent(String sourcedId, Plan plan) {
        UserPlan user = plan.users.get(sourcedId);
        if (user != null) {
            return Optional.of(new Agent(user.id.id(), user.role, user.relationship));
        }
        return sourcedIds.find(SourcedIds.USER, sourcedId).flatMap(id -> directory.find(id, Directory.PERSON, null))
                .map(e -> new Agent(e.id(), e.subtype(), "GUARDIAN"));
    }

    private PlannedId existingOr(String kind, String sourcedId, String prefix) {
        return sourcedIds.find(kind, sourcedId).map(PlannedId::existing).orElseGet(() -> PlannedId.fresh(prefix));
    }

    private static String role(String oneRosterRole, CsvTable.Row row) {
        switch (oneRosterRole.toLowerCase(Locale.ROOT)) {
            case "student":
                return "STUDENT";
            case "teacher":
                return "TEACHER";
            case "guardian":
            case "parent":
            case "relative":
                return "GUARDIAN";
            case "administrator":
            case "principal":
            case "siteadministrator":
            case "districtadministrator":
                return "LEADER";
            case "aide":
            case "proctor":
            case "systemadministrator":
                return null;
            default:
                throw row.problem("role '" + oneRosterRole + "' is not a OneRoster role");
        }
    }

    private static String relationship(String oneRosterRole) {
        return switch (oneRosterRole.toLowerCase(Locale.ROOT)) {
            case "parent" -> "PARENT";
            case "relative" -> "RELATIVE";
            default -> "GUARDIAN";
        };
    }

    private static String prefix(String role) {
        return switch (role) {
            case "STUDENT" -> "stu-";
            case "TEACHER" -> "tch-";
            case "GUARDIAN" -> "grd-";
            default -> "ldr-";
        };
    }

    private static List<String> agents(CsvTable.Row row) {
        String agents = row.get("agentSourcedIds");
        if (agents == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String a : agents.split(",")) {
            if (!a.isBlank()) {
                out.add(a.strip());
            }
        }
        return out;
    }

    private static boolean toBeDeleted(CsvTable.Row row) {
        String status = row.get("status");
        if (status == null || status.equalsIgnoreCase("active")) {
            return false;
        }
        if (status.equalsIgnoreCase("tobedeleted")) {
            return true;
        }
        throw row.problem("status '" + status + "' is neither active nor tobedeleted");
    }

    private static LocalDate date(CsvTable.Row row, String column, boolean required) {
        String value = required ? row.required(column) : row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw row.problem(column + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String limited(CsvTable.Row row, String column, String value) {
        if (value != null && value.length() > 200) {
            throw row.problem(column + " must be at most 200 characters");
        }
        return value;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    // ---------------------------------------------------------------- phase 2: store

    private record PlannedId(String id, boolean exists) {
        static PlannedId existing(String id) {
            return new PlannedId(id, true);
        }

        static PlannedId fresh(String prefix) {
            return new PlannedId(prefix + UUID.randomUUID(), false);
        }
    }

    private record OrgPlan(String sourcedId, String type, String parentId, String name, PlannedId id, CsvTable.Row row) {
    }

    private record CoursePlan(String sourcedId, PlannedId id, CourseContent content) {
    }

    private record ClassPlan(String sourcedId, PlannedId id, String schoolId, String courseId, String title, String term) {
    }

    private record UserPlan(String sourcedId, PlannedId id, String role, String relationship, String schoolId,
                            String grade, PersonalData data, List<String> orgIds, List<String> agents, CsvTable.Row row) {
    }

    private record EnrollmentPlan(String classId, String personId, boolean student, boolean remove) {
    }

    private record LinkPlan(String studentId, String guardianId, String relationship) {
    }

    private final class Plan {
        final Map<String, CsvTable.Row> orgRows = new HashMap<>();
        final Map<String, CsvTable.Row> courseRows = new HashMap<>();
        final Map<String, CsvTable.Row> classRows = new HashMap<>();
        final Map<String, CsvTable.Row> userRows = new HashMap<>();
        final Set<String> unsupportedOrgs = new java.util.HashSet<>();
        final Map<String, String> orgIds = new HashMap<>();
        final Map<String, String> orgTypes = new HashMap<>();
        final Map<String, String> courseIds = new HashMap<>();
        final Map<String, String> classIds = new HashMap<>();
        final List<OrgPlan> orgs = new ArrayList<>();
        final List<CoursePlan> courses = new ArrayList<>();
        final List<ClassPlan> classes = new ArrayList<>();
        final Map<String, UserPlan> users = new LinkedHashMap<>();
        final List<EnrollmentPlan> enrollments = new ArrayList<>();
        final List<LinkPlan> links = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int skipped;
        int enrolled;
        int unenrolled;
        int teachers;
        int linked;
        int leaders;
        int skippedErased;

        void execute() {
            for (OrgPlan org : orgs) {
                if (!org.id.exists()) {
                    commands.sendAndWait(new RegisterOrganization(org.id.id(), org.type, org.parentId, org.name));
                    sourcedIds.put(SourcedIds.ORG, org.sourcedId, org.id.id());
                }
            }
            for (CoursePlan course : courses) {
                if (!course.id.exists()) {
                    commands.sendAndWait(new DefineCourse(course.id.id(), course.content));
                    sourcedIds.put(SourcedIds.COURSE, course.sourcedId, course.id.id());
                }
            }
            for (ClassPlan cls : classes) {
                if (!cls.id.exists()) {
                    commands.sendAndWait(new CreateClass(cls.id.id(), cls.schoolId, cls.courseId, cls.title, cls.term));
                    sourcedIds.put(SourcedIds.CLASS, cls.sourcedId, cls.id.id());
                }
            }
            java.time.Instant now = clock.instant();
            for (UserPlan user : users.values()) {
                if (!user.id.exists()) {
                    commands.sendAndWait(new RegisterPerson(user.id.id(), user.role, user.schoolId, user.grade));
                    sourcedIds.put(SourcedIds.USER, user.sourcedId, user.id.id());
                }
                boolean erased = user.id.exists() && directory.find(user.id.id()).map(Directory.Entry::erased).orElse(false);
                if (erased) {
                    skippedErased++;
                } else {
                    personalData.save(user.id.id(), user.data, now);
                }
                if ("LEADER".equals(user.role)) {
                    for (String org : user.orgIds) {
                        leaders += changed(() -> commands.sendAndWait(new AssignLeader(org, user.id.id())));
                    }
                }
            }
            for (EnrollmentPlan e : enrollments) {
                if (e.student) {
                    if (e.remove) {
                        unenrolled += changed(() -> commands.sendAndWait(new UnenrollStudent(e.classId, e.personId)));
                    } else {
                        enrolled += changed(() -> commands.sendAndWait(new EnrollStudent(e.classId, e.personId)));
                    }
                } else if (e.remove) {
                    changed(() -> commands.sendAndWait(new UnassignTeacher(e.classId, e.personId)));
                } else {
                    teachers += changed(() -> commands.sendAndWait(new AssignTeacher(e.classId, e.personId)));
                }
            }
            for (LinkPlan link : links) {
                linked += changed(() -> commands.sendAndWait(new LinkGuardian(link.studentId, link.guardianId, link.relationship)));
            }
            if (skippedErased > 0) {
                warnings.add(skippedErased + " user(s) had their personal data erased before; their names were not stored again");
            }
        }

        private int changed(Supplier<Object> command) {
            return Boolean.TRUE.equals(command.get()) ? 1 : 0;
        }

        Result result(long elapsedMillis) {
            Map<String, Counts> people = new TreeMap<>();
            for (String role : List.of("STUDENT", "TEACHER", "GUARDIAN", "LEADER")) {
                int created = (int) users.values().stream().filter(u -> u.role.equals(role) && !u.id.exists()).count();
                int existing = (int) users.values().stream().filter(u -> u.role.equals(role) && u.id.exists()).count();
                people.put(role, new Counts(created, existing));
            }
            Map<String, Map<String, String>> ids = new LinkedHashMap<>();
            ids.put("organizations", idsOf(orgs.stream().map(o -> Map.entry(o.sourcedId, o.id.id())).toList()));
            ids.put("courses", idsOf(courses.stream().map(c -> Map.entry(c.sourcedId, c.id.id())).toList()));
            ids.put("classes", idsOf(classes.stream().map(c -> Map.entry(c.sourcedId, c.id.id())).toList()));
            ids.put("users", idsOf(users.values().stream().map(u -> Map.entry(u.sourcedId, u.id.id())).toList()));
            return new Result(counts(orgs.stream().map(OrgPlan::id).toList()), counts(courses.stream().map(CoursePlan::id).toList()),
                    counts(classes.stream().map(ClassPlan::id).toList()), people, enrolled, unenrolled, teachers, linked, leaders,
                    skipped, List.copyOf(warnings), elapsedMillis, ids);
        }

        private static Map<String, String> idsOf(List<Map.Entry<String, String>> entries) {
            Map<String, String> ids = new TreeMap<>();
            entries.forEach(e -> ids.put(e.getKey(), e.getValue()));
            return ids;
        }

        private Counts counts(List<PlannedId> ids) {
            int existing = (int) ids.stream().filter(PlannedId::exists).count();
            return new Counts(ids.size() - existing, existing);
        }
    }
}
