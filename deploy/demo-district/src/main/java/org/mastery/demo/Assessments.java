package org.mastery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The assessments of the demo semester, per course: an online practice tool and a district benchmark
 * platform that report through xAPI, teacher observations during group work, and for the current week
 * a summative unit test (three forms, retakes after practice), exit tickets, and a rubric-scored
 * performance task (Math 6) or project (Math 7 Accelerated). The loader keeps each answer-key form's
 * items so that its students can answer them.
 */
final class Assessments {

    /** One assessment as defined through {@code POST /api/assessments}. */
    record Definition(String key, String author, String title, String type, String method, String scoring, List<String> codes,
                      int forms, int itemsPerCompetency, List<Criterion> rubric, Integer coolDownHours) {
    }

    record Criterion(String criterionId, String code, String description) {
    }

    /** A defined assessment: its id and, for answer keys, its forms' items by form id and item id. */
    record Defined(Definition definition, String id, Map<String, Map<String, ItemBank.Item>> items, Map<String, String> itemCodes) {
    }

    static final String LRS = "lrs";
    static final String COORDINATOR = "coordinator";

    static List<Definition> forCourse(String course) {
        List<Definition> list = new ArrayList<>();
        if (course.equals("math6")) {
            List<String> practice = new ArrayList<>(Curriculum.FOUNDATIONS);
            practice.addAll(Curriculum.MATH_6);
            list.add(new Definition("practice-math6", LRS, "Ratio Practice Online (Math 6)", "FORMATIVE", "SELECTED_RESPONSE", "ANSWER_KEY",
                    practice, 2, 1, null, null));
            list.add(new Definition("benchmark-math6", LRS, "District unit check, Math 6 (benchmark platform)", "SUMMATIVE", "SELECTED_RESPONSE",
                    "ANSWER_KEY", Curriculum.MATH_6, 2, 2, null, null));
            list.add(new Definition("observation-ratio-language", COORDINATOR, "Math talk: ratio language in group work", "FORMATIVE",
                    "OBSERVATION", "RUBRIC", List.of("6.RP.A.1.LT1"), 1, 0,
                    List.of(new Criterion("ratio-language", "6.RP.A.1.LT1", "Describes the relationship with for every / for each / to, in order")), null));
            list.add(new Definition("observation-rate-language", COORDINATOR, "Math talk: rate language in group work", "FORMATIVE",
                    "OBSERVATION", "RUBRIC", List.of("6.RP.A.2.LT2"), 1, 0,
                    List.of(new Criterion("rate-language", "6.RP.A.2.LT2", "Explains unit rates with per / each and the right units")), null));
            list.add(new Definition("unit-test-math6", "math6", "Unit 2 test: unit rates", "SUMMATIVE", "SELECTED_RESPONSE", "ANSWER_KEY",
                    List.of("6.RP.A.2.LT1", "6.RP.A.3b.LT1"), 3, 4, null, 24));
            list.add(new Definition("exit-ticket-math6", "math6", "Exit ticket: unit rates", "FORMATIVE", "EXIT_TICKET", "ANSWER_KEY",
                    List.of("6.RP.A.2.LT1", "6.RP.A.3b.LT1"), 3, 2, null, null));
            list.add(new Definition("task-math6", "math6", "Performance task: the better buy", "FORMATIVE", "PERFORMANCE_TASK", "RUBRIC",
                    List.of("6.RP.A.3b.LT1", "6.RP.A.3b.LT2"), 2, 0,
                    List.of(new Criterion("unit-prices", "6.RP.A.3b.LT1", "Computes each option's unit price accurately, with units"),
                            new Criterion("justification", "6.RP.A.3b.LT2", "Compares the unit rates and justifies the better buy in writing")), null));
        } else {
            List<String> practice = new ArrayList<>(List.of("5.NF.B.4", "6.RP.A.2.LT1"));
            practice.addAll(Curriculum.MATH_7A);
            list.add(new Definition("practice-math7a", LRS, "Ratio Practice Online (Math 7 Accelerated)", "FORMATIVE", "SELECTED_RESPONSE",
                    "ANSWER_KEY", practice, 2, 1, null, null));
            list.add(new Definition("benchmark-math7a", LRS, "District unit check, Math 7 Accelerated (benchmark platform)", "SUMMATIVE",
                    "SELECTED_RESPONSE", "ANSWER_KEY", Curriculum.MATH_7A, 2, 2, null, null));
            list.add(new Definition("observation-proportional-tables", COORDINATOR, "Math talk: is it proportional?", "FORMATIVE",
                    "OBSERVATION", "RUBRIC", List.of("7.RP.A.2a.LT1"), 1, 0,
                    List.of(new Criterion("tables", "7.RP.A.2a.LT1", "Tests a table for equivalent ratios and explains the decision")), null));
            list.add(new Definition("observation-constant", COORDINATOR, "Math talk: finding k", "FORMATIVE", "OBSERVATION", "RUBRIC",
                    List.of("7.RP.A.2b.LT1"), 1, 0,
                    List.of(new Criterion("constant", "7.RP.A.2b.LT1", "Finds the constant of proportionality and says what it means")), null));
            list.add(new Definition("unit-test-math7a", "math7a", "Unit 2 test: proportional relationships", "SUMMATIVE", "SELECTED_RESPONSE",
                    "ANSWER_KEY", List.of("7.RP.A.2a.LT1", "7.RP.A.2b.LT1"), 3, 4, null, 24));
            list.add(new Definition("exit-ticket-math7a", "math7a", "Exit ticket: proportional or not?", "FORMATIVE", "EXIT_TICKET", "ANSWER_KEY",
                    List.of("7.RP.A.2a.LT1", "7.RP.A.2b.LT1"), 3, 2, null, null));
            list.add(new Definition("project-math7a", "math7a", "Project: proportional or not? A data investigation", "INTERIM", "PROJECT", "RUBRIC",
                    List.of("7.RP.A.2a.LT2", "7.RP.A.2c.LT1"), 2, 0,
                    List.of(new Criterion("graph", "7.RP.A.2a.LT2", "Graphs the data and decides whether the relationship is proportional"),
                            new Criterion("equation", "7.RP.A.2c.LT1", "Writes and uses y = kx for the proportional case")), null));
        }
        return list;
    }

    /** The request body of {@code POST /api/assessments}, with generated items for answer-key forms. */
    static Map<String, Object> body(Definition d, Curriculum curriculum, LearnerModel model,
                                    Map<String, Map<String, ItemBank.Item>> itemsOut, Map<String, String> itemCodesOut) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", d.title());
        body.put("type", d.type());
        body.put("method", d.method());
        body.put("scoring", d.scoring());
        body.put("competencyIds", curriculum.ids(d.codes()));
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int f = 0; f < d.forms(); f++) {
            String formId = String.valueOf((char) ('A' + f));
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("formId", formId);
            if (d.scoring().equals("ANSWER_KEY")) {
                form.put("instructions", "Answer every question. Show your thinking on paper; enter only the answer.");
                List<Map<String, Object>> items = new ArrayList<>();
                Map<String, ItemBank.Item> formItems = new LinkedHashMap<>();
                int n = 0;
                for (String code : d.codes()) {
                    SplittableRandom r = model.random("item", d.key(), formId, code);
                    for (int i = 0; i < d.itemsPerCompetency(); i++) {
                        ItemBank.Item item = ItemBank.item(code, r);
                        String itemId = "q" + (++n);
                        Map<String, Object> it = new LinkedHashMap<>();
                        it.put("itemId", itemId);
                        it.put("competencyId", curriculum.id(code));
                        it.put("prompt", item.prompt());
                        if (item.choices() != null) {
                            it.put("choices", item.choices());
                        }
                        it.put("answerKey", item.answers());
                        items.add(it);
                        formItems.put(itemId, item);
                        itemCodesOut.put(itemId, code);
                    }
                }
                form.put("items", items);
                itemsOut.put(formId, formItems);
            } else {
                form.put("instructions", taskInstructions(d, f));
            }
            forms.add(form);
        }
        body.put("forms", forms);
        if (d.rubric() != null) {
            List<Map<String, Object>> rubric = new ArrayList<>();
            for (Criterion c : d.rubric()) {
                rubric.add(Map.of("criterionId", c.criterionId(), "competencyId", curriculum.id(c.code()), "description", c.description()));
            }
            body.put("rubric", rubric);
        }
        if (d.coolDownHours() != null) {
            body.put("retakePolicy", Map.of("coolDownHours", d.coolDownHours(), "practiceUnlocks", true));
        }
        return body;
    }

    private static String taskInstructions(Definition d, int form) {
        if (d.key().startsWith("task-")) {
            return form == 0
                    ? "Two stores sell the same trail mix: 12 oz for $3.60 and 20 oz for $5.40. Which is the better buy? Find each unit price, compare, and write a short recommendation for the class trip."
                    : "Two phone plans: $15 for 3 GB or $24 for 6 GB. Which gives more data per dollar? Find each unit rate, compare, and write a short recommendation for a family.";
        }
        if (d.key().startsWith("project-")) {
            return form == 0
                    ? "Collect the cost of 1 to 6 pizzas from two pizzerias' menus. Graph both, decide which is proportional, and write its equation."
                    : "Measure how far a toy car rolls for 1 to 6 seconds, and the length of your shadow at six times of day. Graph both, decide which is proportional, and write its equation.";
        }
        return "The teacher observes the group discussion and scores each student on the rubric.";
    }

    /** The responses a student gives to a form (answers from the model: right with its probability, else the typical error). */
    static List<Map<String, String>> respond(Defined assessment, String formId, JsonNode formItems, String student, LearnerModel model,
                                             String occasion) {
        Map<String, ItemBank.Item> items = assessment.items().get(formId);
        List<Map<String, String>> responses = new ArrayList<>();
        for (JsonNode item : formItems) {
            String itemId = item.path("itemId").asText();
            ItemBank.Item known = items == null ? null : items.get(itemId);
            String code = assessment.itemCodes().get(itemId);
            if (known == null || code == null) {
                continue;
            }
            boolean right = model.answersCorrectly(student, code, assessment.definition().key(), formId, itemId, occasion);
            responses.add(Map.of("itemId", itemId, "response", right ? known.answers().get(0) : known.typicalError()));
        }
        return responses;
    }
}
