package org.mastery.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The demo district's people and classes, generated deterministically from a key and a seed, and
 * written as a OneRoster 1.2 CSV bundle. SourcedIds derive from the key only, so importing the bundle
 * again finds everyone instead of duplicating them.
 *
 * <p>Maple Valley Unified: Riverside and Hillcrest middle schools, eight mathematics classes (five
 * sections of Math 6, three of Math 7 Accelerated), a teacher per class (two teach two sections), a
 * principal per school and a district mathematics coordinator, {@code studentsPerClass} students per
 * class, each with a guardian (some guardians have a child in each grade).
 */
final class District {

    static final String TERM_START = "2026-08-17";
    static final String TERM_END = "2026-12-18";

    record School(String sourcedId, String name, String code) {
    }

    record Person(String sourcedId, String role, String givenName, String familyName, String preferredGivenName, String email,
                  String username, String schoolSourcedId, String grade, String relationship, List<String> agents) {
    }

    record Course(String sourcedId, String code, String title, String grade, double credits, List<String> competencyCodes) {
    }

    record SchoolClass(String sourcedId, String schoolSourcedId, String courseSourcedId, String title, String period,
                       String classCode, List<String> teachers, List<String> students) {
    }

    final String key;
    final String districtSourcedId;
    final String districtName = "Maple Valley Unified School District";
    final List<School> schools = new ArrayList<>();
    final List<Course> courses = new ArrayList<>();
    final List<SchoolClass> classes = new ArrayList<>();
    final Map<String, Person> people = new LinkedHashMap<>();
    /** Who each demo account of the identity provider is (demo-teacher → a teacher's sourcedId, …). */
    final Map<String, String> demoAccounts = new LinkedHashMap<>();

    private District(String key) {
        this.key = key;
        this.districtSourcedId = key + "-org-district";
    }

    static District generate(String key, int studentsPerClass, long seed) {
        if (studentsPerClass < 2 || studentsPerClass > 60) {
            throw new IllegalArgumentException("students per class must be between 2 and 60 (got " + studentsPerClass + ")");
        }
        District d = new District(key);
        d.build(studentsPerClass, seed);
        return d;
    }

    private String id(String kind, String name) {
        return key + "-" + kind + "-" + name;
    }

    private void build(int perClass, long seed) {
        School riverside = new School(id("org", "riverside"), "Riverside Middle School", "RMS");
        School hillcrest = new School(id("org", "hillcrest"), "Hillcrest Middle School", "HMS");
        schools.add(riverside);
        schools.add(hillcrest);

        courses.add(new Course(id("crs", "math6"), "MATH-6", "Mathematics 6", "06", 1.0, Curriculum.MATH_6));
        courses.add(new Course(id("crs", "math7a"), "MATH-7A", "Mathematics 7 Accelerated", "07", 1.0, Curriculum.MATH_7A));
        courses.add(new Course(id("crs", "foundations"), "MATH-5F", "Number Foundations for Ratios (grade 5 review)", "06", 0.5,
                Curriculum.FOUNDATIONS));

        teacher("alvarez", "Elena", "Alvarez", riverside);
        teacher("okafor", "Marcus", "Okafor", riverside);
        teacher("chen", "Linh", "Chen", riverside);
        teacher("nguyen", "David", "Nguyen", hillcrest);
        teacher("patel", "Priya", "Patel", hillcrest);
        teacher("johansson", "Erik", "Johansson", hillcrest);
        leader("riverside", "Angela", "Brooks", riverside.sourcedId(), "principal");
        leader("hillcrest", "Samuel", "Reyes", hillcrest.sourcedId(), "principal");
        leader("coordinator", "Karen", "Whitfield", districtSourcedId, "districtAdministrator");

        section(riverside, "math6", "Math 6", "1", "alvarez");
        section(riverside, "math6", "Math 6", "3", "alvarez");
        section(riverside, "math6", "Math 6", "5", "okafor");
        section(riverside, "math7a", "Math 7 Accelerated", "2", "chen");
        section(hillcrest, "math6", "Math 6", "1", "nguyen");
        section(hillcrest, "math6", "Math 6", "4", "patel");
        section(hillcrest, "math7a", "Math 7 Accelerated", "2", "johansson");
        section(hillcrest, "math7a", "Math 7 Accelerated", "6", "johansson");

        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (SchoolClass c : classes) {
            String grade = c.courseSourcedId().endsWith("math6") ? "06" : "07";
            for (int i = 0; i < perClass; i++) {
                n++;
                String given;
                String family;
                do {
                    given = Names.pick(Names.GIVEN, random);
                    family = Names.pick(Names.FAMILY, random);
                } while (!taken.add(given + " " + family));
                String student = id("usr", String.format(Locale.ROOT, "s%03d", n));
                String guardian = id("usr", String.format(Locale.ROOT, "g%03d", n));
                String preferred = random.nextInt(12) == 0 && given.length() > 4 ? given.substring(0, 3) : null;
                people.put(student, new Person(student, "student", given, family, preferred, null,
                        (given.charAt(0) + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + n,
                        c.schoolSourcedId(), grade, null, new ArrayList<>(List.of(guardian))));
                boolean parent = random.nextInt(10) != 0;
                String guardianGiven = Names.pick(Names.ADULT_GIVEN, random);
                people.put(guardian, new Person(guardian, parent ? "parent" : "guardian", guardianGiven, family, null,
                        (guardianGiven + "." + family).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + n + "@mail.example.com",
                        null, c.schoolSourcedId(), null, parent ? "parent" : "guardian", new ArrayList<>()));
                c.students().add(student);
            }
        }
        // siblings: the first student of every fourth Math 7A section seat shares a guardian with a Math 6 student of the same school
        for (School school : schools) {
            List<String> sixth = students(school, "math6");
            List<String> seventh = students(school, "math7a");
            for (int i = 0; i < seventh.size() && i * 4 < sixth.size(); i += 4) {
                String younger = sixth.get(i * 4);
                String older = seventh.get(i);
                String sharedGuardian = people.get(younger).agents().get(0);
                String ownGuardian = people.get(older).agents().get(0);
                people.remove(ownGuardian);
                Person o = people.get(older);
                Person g = people.get(sharedGuardian);
                people.put(older, new Person(o.sourcedId(), o.role(), o.givenName(), g.familyName(), o.preferredGivenName(), o.email(),
                        o.username(), o.schoolSourcedId(), o.grade(), o.relationship(), new ArrayList<>(List.of(sharedGuardian))));
            }
        }
        SchoolClass first = classes.get(0);
        String demoStudent = first.students().get(0);
        demoAccounts.put("demo-teacher", first.teachers().get(0));
        demoAccounts.put("demo-student", demoStudent);
        demoAccounts.put("demo-guardian", people.get(demoStudent).agents().get(0));
        demoAccounts.put("demo-leader", id("usr", "l-riverside"));
    }

    private List<String> students(School school, String course) {
        List<String> ids = new ArrayList<>();
        for (SchoolClass c : classes) {
            if (c.schoolSourcedId().equals(school.sourcedId()) && c.courseSourcedId().endsWith(course)) {
                ids.addAll(c.students());
            }
        }
        return ids;
    }

    private void teacher(String name, String given, String family, School school) {
        String sourcedId = id("usr", "t-" + name);
        people.put(sourcedId, new Person(sourcedId, "teacher", given, family, null,
                (given + "." + family).toLowerCase(Locale.ROOT) + "@maplevalley.example.org", (given.charAt(0) + family).toLowerCase(Locale.ROOT),
                school.sourcedId(), null, null, List.of()));
    }

    private void leader(String name, String given, String family, String org, String role) {
        String sourcedId = id("usr", "l-" + name);
        people.put(sourcedId, new Person(sourcedId, role, given, family, null,
                (given + "." + family).toLowerCase(Locale.ROOT) + "@maplevalley.example.org", (given.charAt(0) + family).toLowerCase(Locale.ROOT),
                org, null, null, List.of()));
    }

    private void section(School school, String course, String title, String period, String teacher) {
        String code = school.code() + "-" + course.toUpperCase(Locale.ROOT) + "-P" + period;
        classes.add(new SchoolClass(id("cls", code.toLowerCase(Locale.ROOT)), school.sourcedId(), id("crs", course),
                title + " · Period " + period, period, code, List.of(id("usr", "t-" + teacher)), new ArrayList<>()));
    }

    List<Person> students() {
        return people.values().stream().filter(p -> p.role().equals("student")).toList();
    }

    List<Person> guardians() {
        return people.values().stream().filter(p -> p.role().equals("parent") || p.role().equals("guardian")).toList();
    }

    List<Person> teachers() {
        return people.values().stream().filter(p -> p.role().equals("teacher")).toList();
    }

    List<Person> leaders() {
        return people.values().stream().filter(p -> p.role().equals("principal") || p.role().equals("districtAdministrator")).toList();
    }

    SchoolClass classOf(String studentSourcedId) {
        return classes.stream().filter(c -> c.students().contains(studentSourcedId)).findFirst().orElseThrow();
    }

    Course course(String sourcedId) {
        return courses.stream().filter(c -> c.sourcedId().equals(sourcedId)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- OneRoster 1.2 CSV

    Map<String, String> oneRosterFiles() {
        String stamp = "2026-08-01T00:00:00.000Z";
        Map<String, String> files = new LinkedHashMap<>();
        Csv orgs = new Csv("sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId");
        orgs.row(districtSourcedId, "active", stamp, districtName, "district", "MVUSD", "");
        for (School s : schools) {
            orgs.row(s.sourcedId(), "active", stamp, s.name(), "school", s.code(), districtSourcedId);
        }
        files.put("orgs.csv", orgs.text());

        Csv sessions = new Csv("sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear");
        sessions.row(id("as", "2027"), "active", stamp, "2026-2027", "schoolYear", "2026-08-17", "2027-06-11", "", "2027");
        sessions.row(id("as", "fall"), "active", stamp, "Fall 2026", "semester", TERM_START, TERM_END, id("as", "2027"), "2027");
        files.put("academicSessions.csv", sessions.text());

        Csv courseCsv = new Csv("sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
                "orgSourcedId", "subjects", "subjectCodes");
        for (Course c : courses) {
            courseCsv.row(c.sourcedId(), "active", stamp, id("as", "2027"), c.title(), c.code(), c.grade(), districtSourcedId, "Mathematics", "");
        }
        files.put("courses.csv", courseCsv.text());

        Csv classCsv = new Csv("sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode", "classType",
                "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods");
        for (SchoolClass c : classes) {
            classCsv.row(c.sourcedId(), "active", stamp, c.title(), course(c.courseSourcedId()).grade(), c.courseSourcedId(), c.classCode(),
                    "scheduled", "Room " + (100 + Integer.parseInt(c.period()) * 3), c.schoolSourcedId(), id("as", "fall"), "Mathematics", "", c.period());
        }
        files.put("classes.csv", classCsv.text());

        Csv users = new Csv("sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName", "familyName",
                "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades", "password", "userMasterIdentifier",
                "resourceSourcedIds", "preferredGivenName", "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns");
        Csv roles = new Csv("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "beginDate", "endDate",
                "orgSourcedId", "userProfileSourcedId");
        for (Person p : people.values()) {
            users.row(p.sourcedId(), "active", stamp, "true", p.username() == null ? "" : p.username(), "", p.givenName(), p.familyName(), "",
                    p.sourcedId().substring(key.length() + 5).toUpperCase(Locale.ROOT), p.email() == null ? "" : p.email(), "", "",
                    String.join(",", p.agents()), p.grade() == null ? "" : p.grade(), "", "", "",
                    p.preferredGivenName() == null ? "" : p.preferredGivenName(), "", "", p.schoolSourcedId(), "");
            roles.row(p.sourcedId().replace("-usr-", "-role-"), "active", stamp, p.sourcedId(), "primary", p.role(), TERM_START, "",
                    p.schoolSourcedId(), "");
        }
        files.put("users.csv", users.text());
        files.put("roles.csv", roles.text());

        Csv enrollments = new Csv("sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
                "primary", "beginDate", "endDate");
        for (SchoolClass c : classes) {
            for (String t : c.teachers()) {
                enrollments.row(c.sourcedId() + "-" + t.substring(key.length() + 5), "active", stamp, c.sourcedId(), c.schoolSourcedId(), t,
                        "teacher", "true", TERM_START, TERM_END);
            }
            for (String s : c.students()) {
                enrollments.row(c.sourcedId() + "-" + s.substring(key.length() + 5), "active", stamp, c.sourcedId(), c.schoolSourcedId(), s,
                        "student", "false", TERM_START, "");
            }
        }
        files.put("enrollments.csv", enrollments.text());
        return files;
    }

    /** The bundle as a zip archive, as a SIS exports it. */
    byte[] oneRosterZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : oneRosterFiles().entrySet()) {
                zip.putNextEntry(new ZipEntry("maple-valley-oneroster/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** RFC 4180 CSV with CRLF line ends. */
    static final class Csv {
        private final StringBuilder text = new StringBuilder();
        private final int columns;

        Csv(String... header) {
            columns = header.length;
            line(header);
        }

        void row(String... values) {
            if (values.length != columns) {
                throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
            }
            line(values);
        }

        private void line(String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                String v = values[i];
                if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
                    text.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(v);
                }
            }
            text.append("\r\n");
        }

        String text() {
            return text.toString();
        }
    }
}
