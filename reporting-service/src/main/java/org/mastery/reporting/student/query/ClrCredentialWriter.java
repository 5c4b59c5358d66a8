package org.mastery.reporting.student.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;

/**
 * The transcript as a 1EdTech Comprehensive Learner Record 2.0 credential ({@code ClrCredential}) whose
 * subject holds one Open Badges 3.0 {@code OpenBadgeCredential} per mastered competency and per course
 * whose credit was earned, the achievements themselves, and "isPartOf" associations from competencies
 * to courses. JSON-LD on the W3C Verifiable Credentials 2.0 context; ids are URNs, the student is
 * named by a pseudonymous URN only.
 */
public class ClrCredentialWriter {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private final ObjectMapper json;
    private final String issuerId;
    private final String issuerName;
    private final CredentialProofs proofs;

    public ClrCredentialWriter(ObjectMapper json, String issuerId, String issuerName, CredentialProofs proofs) {
        this.json = json;
        this.issuerId = issuerId;
        this.issuerName = issuerName;
        this.proofs = proofs;
    }

    public ObjectNode write(TranscriptView transcript) {
        String subjectId = "urn:mastery:student:" + transcript.studentId();
        ObjectNode clr = json.createObjectNode();
        clr.putArray("@context").add(VC_CONTEXT).add(CLR_CONTEXT).add(OB_CONTEXT);
        clr.put("id", "urn:mastery:clr:" + transcript.studentId() + ":" + transcript.issuedAt().toEpochMilli());
        clr.putArray("type").add("VerifiableCredential").add("ClrCredential");
        clr.set("issuer", issuer());
        clr.put("validFrom", iso(transcript.issuedAt()));
        clr.put("name", "Competency-based transcript");
        clr.put("description", "Competencies mastered and course credits earned, as decided from the evidence in the Mastery event log.");
        ObjectNode subject = clr.putObject("credentialSubject");
        subject.put("id", subjectId);
        subject.putArray("type").add("ClrSubject");
        ArrayNode credentials = subject.putArray("verifiableCredential");
        ArrayNode achievements = subject.putArray("achievement");
        ArrayNode associations = subject.putArray("association");

        for (TranscriptView.MasteredView m : transcript.mastered()) {
            ObjectNode achievement = competencyAchievement(m);
            achievements.add(achievement.deepCopy());
            ObjectNode credential = achievementCredential("urn:mastery:credential:" + transcript.studentId() + ":competency:" + m.competencyId(),
                    subjectId, (m.code() != null ? m.code() : m.competencyId()) + " mastered", m.masteredAt(), achievement);
            ObjectNode result = ((ObjectNode) credential.get("credentialSubject")).putArray("result").addObject();
            result.putArray("type").add("Result");
            result.put("resultDescription", achievement.get("id").asText() + ":result");
            if (m.value() != null) {
                result.put("value", String.format(Locale.ROOT, "%.4f", m.value()));
            }
            if (m.evidence() != null && m.evidence().firstObservedAt() != null) {
                ((ObjectNode) credential.get("credentialSubject")).put("activityStartDate", m.evidence().firstObservedAt().toString().substring(0, 10));
            }
            credentials.add(credential);
        }
        for (TranscriptView.CourseView course : transcript.courses()) {
            ObjectNode achievement = courseAchievement(course);
            achievements.add(achievement.deepCopy());
            if (course.complete()) {
                ObjectNode credential = achievementCredential("urn:mastery:credential:" + transcript.studentId() + ":course:" + course.courseId(),
                        subjectId, (course.title() != null ? course.title() : course.courseId()) + " completed",
                        course.earnedAt() != null ? course.earnedAt() : transcript.issuedAt(), achievement);
                ((ObjectNode) credential.get("credentialSubject")).put("creditsEarned", course.creditsEarned());
                credentials.add(credential);
            }
        }
        // competency → course links, for the courses whose definitions list them
        for (TranscriptView.CourseView course : transcript.courses()) {
            for (TranscriptView.MasteredView m : transcript.mastered()) {
                if (isPartOf(m, course)) {
                    ObjectNode association = associations.addObject();
                    association.putArray("type").add("Association");
                    association.put("associationType", "isPartOf");
                    association.put("sourceId", competencyAchievementId(m));
                    association.put("targetId", courseAchievementId(course));
                }
            }
        }
        proofs.proofFor(clr).ifPresent(proof -> clr.set("proof", proof));
        return clr;
    }

    private static boolean isPartOf(TranscriptView.MasteredView m, TranscriptView.CourseView course) {
        return course.competencyIds() != null && course.competencyIds().contains(m.competencyId());
    }

    private ObjectNode achievementCredential(String id, String subjectId, String name, Instant validFrom, ObjectNode achievement) {
        ObjectNode credential = json.createObjectNode();
        credential.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
        credential.put("id", id);
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.set("issuer", issuer());
        credential.put("validFrom", iso(validFrom));
        credential.put("name", name);
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", subjectId);
        subject.putArray("type").add("AchievementSubject");
        subject.set("achievement", achievement);
        proofs.proofFor(credential).ifPresent(proof -> credential.set("proof", proof));
        return credential;
    }

    private ObjectNode competencyAchievement(TranscriptView.MasteredView m) {
        ObjectNode a = json.createObjectNode();
        String id = competencyAchievementId(m);
        a.put("id", id);
        a.putArray("type").add("Achievement");
        a.put("achievementType", "Competency");
        a.put("name", m.statement() != null ? m.statement() : m.code() != null ? m.code() : m.competencyId());
        a.put("description", m.iCan() != null ? m.iCan() : m.statement() != null ? m.statement() : "Competency " + m.competencyId());
        a.putObject("criteria").put("narrative", "Mastery demonstrated: the evidence met the competency's mastery policy"
                + (m.evidence() != null ? " (" + m.evidence().count() + " pieces of evidence" + (m.evidence().methods().isEmpty() ? ""
                : ", methods " + String.join(", ", m.evidence().methods())) + ")" : "")
                + (m.byTeacherOverride() ? "; state set by a teacher override" : "") + ".");
        if (m.code() != null) {
            a.put("humanCode", m.code());
        }
        if (m.competencyVersion() != null) {
            a.put("version", String.valueOf(m.competencyVersion()));
        }
        ObjectNode alignment = a.putArray("alignment").addObject();
        alignment.putArray("type").add("Alignment");
        alignment.put("targetName", m.code() != null ? m.code() : m.competencyId());
        alignment.put("targetUrl", m.caseItemId() != null ? "urn:case:cfitem:" + m.caseItemId() : "urn:mastery:competency:" + m.competencyId());
        if (m.caseItemId() != null) {
            alignment.put("targetType", "CFItem");
            alignment.put("targetCode", m.caseItemId());
        }
        ObjectNode description = a.putArray("resultDescription").addObject();
        description.put("id", id + ":result");
        description.putArray("type").add("ResultDescription");
        description.put("name", "Mastery score on the competency's proficiency scale");
        description.put("resultType", "ScaledScore");
        return a;
    }

    private ObjectNode courseAchievement(TranscriptView.CourseView course) {
        ObjectNode a = json.createObjectNode();
        a.put("id", courseAchievementId(course));
        a.putArray("type").add("Achievement");
        a.put("achievementType", "Course");
        a.put("name", course.title() != null ? course.title() : "Course " + course.courseId());
        a.put("description", "Credit is earned when every competency of the course is mastered ("
                + course.competenciesMastered() + " of " + course.competenciesTotal() + " mastered so far).");
        a.putObject("criteria").put("narrative", "Mastery of every competency of the course.");
        if (course.code() != null) {
            a.put("humanCode", course.code());
        }
        if (course.creditsAvailable() != null) {
            a.put("creditsAvailable", course.creditsAvailable());
        }
        return a;
    }

    private static String competencyAchievementId(TranscriptView.MasteredView m) {
        return "urn:mastery:competency:" + m.competencyId() + (m.competencyVersion() != null ? ":v" + m.competencyVersion() : "");
    }

    private static String courseAchievementId(TranscriptView.CourseView course) {
        return "urn:mastery:course:" + course.courseId();
    }

    private ObjectNode issuer() {
        ObjectNode issuer = json.createObjectNode();
        issuer.put("id", issuerId);
        issuer.putArray("type").add("Profile");
        issuer.put("name", issuerName);
        return issuer;
    }

    private static String iso(Instant instant) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
