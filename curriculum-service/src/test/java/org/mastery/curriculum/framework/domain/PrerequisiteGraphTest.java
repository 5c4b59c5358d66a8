package org.mastery.curriculum.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PrerequisiteGraphTest {

    @Test
    void aCycleIsNamedInPrerequisiteOrder() {
        // A requires C, B requires A, C requires B: A comes before B, B before C, C before A
        var graph = new PrerequisiteGraph(Map.of("A", List.of("C"), "B", List.of("A"), "C", List.of("B")));
        List<String> cycle = graph.findCycle().orElseThrow();
        assertThat(cycle).hasSize(4);
        assertThat(cycle.get(0)).isEqualTo(cycle.get(3));
        assertPrerequisiteChain(Map.of("A", List.of("C"), "B", List.of("A"), "C", List.of("B")), cycle);
        assertThat(String.join(" → ", cycle)).isEqualTo("A → B → C → A");
    }

    @Test
    void aCycleCanBeReadFromAnyOfItsMembers() {
        assertThat(PrerequisiteGraph.startingAt(List.of("C", "A", "B", "C"), "A")).containsExactly("A", "B", "C", "A");
        assertThat(PrerequisiteGraph.startingAt(List.of("C", "A", "B", "C"), "C")).containsExactly("C", "A", "B", "C");
        assertThat(PrerequisiteGraph.startingAt(List.of("C", "A", "B", "C"), "Z")).containsExactly("C", "A", "B", "C");
        assertThat(PrerequisiteGraph.startingAt(List.of("A", "A"), "A")).containsExactly("A", "A");
    }

    @Test
    void aSelfPrerequisiteIsACycle() {
        assertThat(new PrerequisiteGraph(Map.of("A", List.of("A"))).findCycle()).contains(List.of("A", "A"));
    }

    @Test
    void externalPrerequisitesAreLeaves() {
        var graph = new PrerequisiteGraph(Map.of("A", List.of("X"), "B", List.of("A", "X")));
        assertThat(graph.findCycle()).isEmpty();
        assertThat(graph.topologicalOrder(Comparator.naturalOrder())).containsExactly("X", "A", "B");
    }

    @Test
    void topologicalOrderBreaksTiesStably() {
        var graph = new PrerequisiteGraph(Map.of("D", List.of("B", "C"), "B", List.of("A"), "C", List.of("A"), "A", List.of(), "E", List.of()));
        assertThat(graph.topologicalOrder(Comparator.naturalOrder())).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void aCyclicGraphHasNoTopologicalOrder() {
        assertThatThrownBy(() -> new PrerequisiteGraph(Map.of("A", List.of("B"), "B", List.of("A"))).topologicalOrder(Comparator.naturalOrder()))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Edges only from higher to lower numbers: always a DAG, and the order must respect every edge. */
    @Property(tries = 200)
    void everyDagHasAnOrderRespectingAllEdges(@ForAll @IntRange(min = 1, max = 60) int size, @ForAll long seed) {
        Map<String, List<String>> requires = randomDag(size, seed);
        PrerequisiteGraph graph = new PrerequisiteGraph(requires);
        assertThat(graph.findCycle()).isEmpty();
        List<String> order = graph.topologicalOrder(Comparator.naturalOrder());
        assertThat(order).hasSize(size);
        requires.forEach((node, prerequisites) -> prerequisites.forEach(p ->
                assertThat(order.indexOf(p)).as(p + " before " + node).isLessThan(order.indexOf(node))));
    }

    /** One back edge added to a chain makes a cycle; the cycle reported is made of real edges. */
    @Property(tries = 200)
    void aBackEdgeIsFoundAsARealCycle(@ForAll @IntRange(min = 2, max = 60) int size, @ForAll long seed) {
        Map<String, List<String>> requires = randomDag(size, seed);
        for (int i = 1; i < size; i++) {
            List<String> p = new ArrayList<>(requires.get(n(i)));
            if (!p.contains(n(i - 1))) {
                p.add(n(i - 1));
            }
            requires.put(n(i), p);
        }
        List<String> back = new ArrayList<>(requires.get(n(0)));
        back.add(n(size - 1));
        requires.put(n(0), back);
        List<String> cycle = new PrerequisiteGraph(requires).findCycle().orElseThrow();
        assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
        assertPrerequisiteChain(requires, cycle);
    }

    private static void assertPrerequisiteChain(Map<String, List<String>> requires, List<String> cycle) {
        for (int i = 0; i + 1 < cycle.size(); i++) {
            assertThat(requires.get(cycle.get(i + 1))).as(cycle.get(i) + " is a prerequisite of " + cycle.get(i + 1))
                    .contains(cycle.get(i));
        }
    }

    private static Map<String, List<String>> randomDag(int size, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Map<String, List<String>> requires = new HashMap<>();
        for (int i = 0; i < size; i++) {
            List<String> p = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(5) == 0) {
                    p.add(n(j));
                }
            }
            requires.put(n(i), p);
        }
        return requires;
    }

    private static String n(int i) {
        return String.format("N%03d", i);
    }
}
