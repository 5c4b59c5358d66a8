package org.mastery.assessment.assessment.domain;

import java.util.List;
import java.util.Optional;

/**
 * One of an assessment's equivalent forms (versions). Answer-key forms carry items; rubric-scored
 * forms carry instructions (the task) and share the assessment's rubric.
 */
public record Form(String formId, String instructions, List<Item> items) {

    public Form {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
    }
}
