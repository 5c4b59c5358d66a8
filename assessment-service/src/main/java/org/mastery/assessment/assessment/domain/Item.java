package org.mastery.assessment.assessment.domain;

import java.util.List;

/**
 * One item of an answer-key form, aligned to one competency.
 *
 * @param choices the options shown, for selected-response items; empty otherwise
 * @param acceptedAnswers responses that earn the item (compared trimmed, case-insensitively, with
 *     runs of white space as one space)
 */
public record Item(String itemId, String competencyId, String prompt, List<String> choices, List<String> acceptedAnswers) {

    public Item {
        choices = choices == null ? List.of() : List.copyOf(choices);
        acceptedAnswers = acceptedAnswers == null ? List.of() : List.copyOf(acceptedAnswers);
    }

    /** Whether the response earns the item. */
    public boolean accepts(String response) {
        if (response == null) {
            return false;
        }
        String given = normalize(response);
        for (String answer : acceptedAnswers) {
            if (normalize(answer).equalsIgnoreCase(given)) {
                return true;
            }
        }
        return false;
    }

    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
