package org.mastery.curriculum.framework.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What makes a competency's content well-formed; {@link #normalize} fills defaults and refuses the rest. */
public final class CompetencyRules {

    public static final String DEFAULT_ITEM_TYPE = "Competency";

    private CompetencyRules() {
    }

    public static CompetencyContent normalize(CompetencyContent c) {
        String code = required(c.code(), "code", 100);
        String statement = required(c.statement(), "statement", 10_000);
        String studentStatement = optional(c.studentStatement(), "studentStatement", 2_000);
        String masteryDescription = optional(c.masteryDescription(), "masteryDescription", 10_000);
        String itemType = optional(c.itemType(), "itemType", 100);
        List<String> levels = c.educationLevels().stream().filter(l -> l != null && !l.isBlank()).map(String::strip).distinct().toList();
        Scale scale = normalize(c.scale());
        Policy policy = PolicyRules.normalize(c.policy());
        List<String> prerequisites = new ArrayList<>(new LinkedHashSet<>(c.prerequisiteIds()));
        if (prerequisites.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new InvalidCompetencyException("prerequisiteIds must not hold blank ids");
        }
        List<Phase> phases = normalize(c.phases(), scale);
        return new CompetencyContent(code, statement, studentStatement, masteryDescription,
                blankToNull(c.parentId()), itemType == null ? DEFAULT_ITEM_TYPE : itemType, levels, c.assessable(),
                c.sequence(), scale, policy, prerequisites, phases, blankToNull(c.caseItemId()), c.caseAssociations());
    }

    static Scale normalize(Scale scale) {
        if (scale == null) {
            return Scale.standard();
        }
        List<Level> levels = scale.levels();
        if (levels.size() < 2 || levels.size() > 12) {
            throw new InvalidCompetencyException("scale.levels must hold 2 to 12 levels (got " + levels.size() + ")");
        }
        List<Level> out = new ArrayList<>();
        Integer previous = null;
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            if (level == null) {
                throw new InvalidCompetencyException("scale.levels[" + i + "] is missing");
            }
            if (previous != null && level.value() <= previous) {
                throw new InvalidCompetencyException("scale.levels must ascend strictly by value (level " + level.value()
                        + " follows " + previous + ")");
            }
            previous = level.value();
            out.add(new Level(level.value(), required(level.label(), "scale.levels[" + i + "].label", 100),
                    optional(level.descriptor(), "scale.levels[" + i + "].descriptor", 2_000)));
        }
        Scale normalized = new Scale(out, scale.masteryCut());
        if (Double.isNaN(scale.masteryCut()) || scale.masteryCut() < normalized.lowest() || scale.masteryCut() > normalized.highest()) {
            throw new InvalidCompetencyException("scale.masteryCut must lie between the lowest and highest level ("
                    + normalized.lowest() + " to " + normalized.highest() + ", got " + scale.masteryCut() + ")");
        }
        return normalized;
    }

    static List<Phase> normalize(List<Phase> phases, Scale scale) {
        Set<Integer> orders = new HashSet<>();
        List<Phase> out = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String at = "phases[" + i + "]";
            if (phase == null) {
                throw new InvalidCompetencyException(at + " is missing");
            }
            if (!orders.add(phase.order())) {
                throw new InvalidCompetencyException(at + ".order " + phase.order() + " is used by another phase");
            }
            if (!(phase.minScore() < phase.maxScore())) {
                throw new InvalidCompetencyException(at + " needs minScore below maxScore (got " + phase.minScore()
                        + " to " + phase.maxScore() + ")");
            }
            if (phase.minScore() < scale.lowest() || phase.maxScore() > scale.highest()) {
                throw new InvalidCompetencyException(at + " must lie within the scale (" + scale.lowest() + " to "
                        + scale.highest() + ")");
            }
            List<Resource> resources = new ArrayList<>();
            for (int r = 0; r < phase.resources().size(); r++) {
                Resource resource = phase.resources().get(r);
                String rat = at + ".resources[" + r + "]";
                if (resource == null) {
                    throw new InvalidCompetencyException(rat + " is missing");
                }
                resources.add(new Resource(required(resource.title(), rat + ".title", 500), uri(resource.uri(), rat + ".uri"),
                        required(resource.kind(), rat + ".kind", 40).toUpperCase()));
            }
            String phaseId = phase.phaseId() == null || phase.phaseId().isBlank() ? "ph-" + phase.order() : phase.phaseId().strip();
            out.add(new Phase(phaseId, phase.order(), required(phase.label(), at + ".label", 200), phase.minScore(),
                    phase.maxScore(), resources));
        }
        out.sort(Comparator.comparingInt(Phase::order));
        return out;
    }

    private static String uri(String value, String field) {
        String uri = required(value, field, 2_000);
        try {
            URI parsed = new URI(uri);
            if (!parsed.isAbsolute() || parsed.getScheme() == null) {
                throw new InvalidCompetencyException(field + " must be an absolute URI (got '" + uri + "')");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidCompetencyException(field + " is not a valid URI (got '" + uri + "')");
        }
        return uri;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCompetencyException(field + " must not be blank");
        }
        return optional(value, field, max);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidCompetencyException(field + " must be at most " + max + " characters");
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
