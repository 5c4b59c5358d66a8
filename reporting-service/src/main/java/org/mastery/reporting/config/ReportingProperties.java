package org.mastery.reporting.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reporting's settings ({@code mastery.reporting.*}).
 *
 * @param suppressionThreshold groups smaller than this are shown as "&lt;N" in leader roll-ups
 * @param namesTtl how long a display name read from curriculum-service is reused
 * @param maxNameFetchesPerRequest at most this many names are fetched while answering one request
 * @param namesBackOff after curriculum-service failed to answer, names are not asked for during this time
 * @param rebuildTimeout a rebuild that has not caught up by then is reported as failed
 * @param pace competencies mastered per 30 days that separate the pace bands
 * @param transcript how transcripts are issued and translated to traditional grades
 */
@ConfigurationProperties("mastery.reporting")
public record ReportingProperties(
        @DefaultValue("10") int suppressionThreshold,
        @DefaultValue("24h") Duration namesTtl,
        @DefaultValue("50") int maxNameFetchesPerRequest,
        @DefaultValue("30s") Duration namesBackOff,
        @DefaultValue("10m") Duration rebuildTimeout,
        @DefaultValue({"0.5", "1", "2"}) List<Double> pace,
        @DefaultValue Transcript transcript) {

    /**
     * @param issuerId the issuing organisation's URL (the credential's issuer id)
     * @param issuerName shown on credentials
     * @param gradeBands share of a course's competencies mastered → traditional letter grade, highest first
     * @param partialCredit award a share of a course's credits before all of it is mastered
     */
    public record Transcript(
            @DefaultValue("https://mastery.example.org/issuers/district") String issuerId,
            @DefaultValue("Mastery district") String issuerName,
            @DefaultValue({"0.9:A", "0.8:B", "0.7:C", "0.6:D", "0:F"}) List<String> gradeBands,
            @DefaultValue("false") boolean partialCredit) {
    }
}
