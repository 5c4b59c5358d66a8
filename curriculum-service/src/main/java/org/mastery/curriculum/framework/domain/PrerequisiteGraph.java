package org.mastery.curriculum.framework.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The prerequisite graph as plain data: for each competency id, the ids it requires. Ids that
 * are required but have no entry (competencies of an earlier published framework) are leaves.
 */
public final class PrerequisiteGraph {

    private final Map<String, List<String>> requires;

    public PrerequisiteGraph(Map<String, List<String>> requires) {
        this.requires = requires;
    }

    private List<String> prerequisitesOf(String id) {
        List<String> p = requires.get(id);
        return p == null ? List.of() : p;
    }

    /**
     * A cycle, if there is one, in "is a prerequisite of" order: {@code [A, B, C, A]} means A comes
     * before B, B before C and C before A. Searched iteratively, so deep graphs are fine.
     */
    public Optional<List<String>> findCycle() {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 finished
        List<String> roots = new ArrayList<>(requires.keySet());
        Collections.sort(roots);
        for (String root : roots) {
            if (state.containsKey(root)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<Iterator<String>> iterators = new ArrayDeque<>();
            path.push(root);
            iterators.push(prerequisitesOf(root).iterator());
            state.put(root, 1);
            while (!path.isEmpty()) {
                Iterator<String> it = iterators.peek();
                if (it.hasNext()) {
                    String next = it.next();
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        path.push(next);
                        iterators.push(prerequisitesOf(next).iterator());
                    } else if (s == 1) {
                        return Optional.of(cycleFrom(path, next));
                    }
                } else {
                    state.put(path.pop(), 2);
                    iterators.pop();
                }
            }
        }
        return Optional.empty();
    }

    /** The path holds "requires" edges from its bottom to its top; the cycle closes at {@code repeated}. */
    private static List<String> cycleFrom(Deque<String> path, String repeated) {
        // path (top first): x_k, …, repeated, …, root; x_k requires repeated
        List<String> requiresOrder = new ArrayList<>();
        for (Iterator<String> down = path.descendingIterator(); down.hasNext(); ) {
            String id = down.next();
            if (!requiresOrder.isEmpty() || id.equals(repeated)) {
                requiresOrder.add(id);
            }
        }
        requiresOrder.add(repeated);
        // "repeated requires … requires repeated" read backwards is "is a prerequisite of" order
        Collections.reverse(requiresOrder);
        return requiresOrder;
    }

    /** The same cycle read from {@code start} when it is on it (e.g. the competency just edited); else unchanged. */
    public static List<String> startingAt(List<String> cycle, String start) {
        int at = cycle.subList(0, cycle.size() - 1).indexOf(start);
        if (at <= 0) {
            return cycle;
        }
        List<String> rotated = new ArrayList<>(cycle.subList(at, cycle.size() - 1));
        rotated.addAll(cycle.subList(0, at));
        rotated.add(start);
        return rotated;
    }

    /**
     * Every id (including required leaves) ordered so that each comes after all its prerequisites;
     * ties are broken by {@code tieBreak} so the order is stable. Fails if there is a cycle.
     */
    public List<String> topologicalOrder(Comparator<String> tieBreak) {
        Set<String> nodes = new HashSet<>(requires.keySet());
        requires.values().forEach(nodes::addAll);
        Map<String, Integer> missing = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (String node : nodes) {
            List<String> prerequisites = prerequisitesOf(node).stream().distinct().toList();
            missing.put(node, prerequisites.size());
            for (String p : prerequisites) {
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(node);
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>(tieBreak);
        missing.forEach((node, count) -> {
            if (count == 0) {
                ready.add(node);
            }
        });
        List<String> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String node = ready.poll();
            order.add(node);
            for (String dependent : dependents.getOrDefault(node, List.of())) {
                if (missing.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() != nodes.size()) {
            throw new IllegalStateException("the prerequisite graph has a cycle");
        }
        return order;
    }
}
