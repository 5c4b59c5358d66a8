package org.mastery.progression.journey.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The accepted, not withdrawn, evidence of one competency, kept in observation order in parallel
 * arrays: compact in snapshots (a journey of thousands of evidence scores loads in milliseconds)
 * and cheap to apply (an insertion is a binary search and an array copy).
 */
public final class EvidenceLog {

    private String[] ids = new String[0];
    private double[] scores = new double[0];
    private long[] seconds = new long[0];
    private int[] nanos = new int[0];
    /** Assessment methods and types are few: each is stored once here and referred to by position. */
    private String[] words = new String[0];
    private int[] methods = new int[0];
    private int[] types = new int[0];

    public int size() {
        return ids.length;
    }

    public boolean contains(String evidenceId) {
        return indexOf(evidenceId) >= 0;
    }

    public int indexOf(String evidenceId) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(evidenceId)) {
                return i;
            }
        }
        return -1;
    }

    public Evidence get(int i) {
        return new Evidence(ids[i], scores[i], words[methods[i]], words[types[i]], Instant.ofEpochSecond(seconds[i], nanos[i]));
    }

    /** In observation order. */
    public List<Evidence> toList() {
        List<Evidence> list = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            list.add(get(i));
        }
        return list;
    }

    public void insert(Evidence e) {
        int at = insertionPoint(e);
        ids = insert(ids, at, e.evidenceId());
        scores = insert(scores, at, e.score());
        seconds = insert(seconds, at, e.observedAt().getEpochSecond());
        nanos = insert(nanos, at, e.observedAt().getNano());
        methods = insert(methods, at, word(e.method()));
        types = insert(types, at, word(e.assessmentType()));
    }

    public void remove(String evidenceId) {
        int at = indexOf(evidenceId);
        if (at < 0) {
            return;
        }
        ids = remove(ids, at);
        scores = remove(scores, at);
        seconds = remove(seconds, at);
        nanos = remove(nanos, at);
        methods = remove(methods, at);
        types = remove(types, at);
    }

    private int word(String word) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals(word)) {
                return i;
            }
        }
        words = insert(words, words.length, word);
        return words.length - 1;
    }

    private int insertionPoint(Evidence e) {
        int lo = 0;
        int hi = ids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Evidence.OBSERVATION_ORDER.compare(get(mid), e) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String[] insert(String[] a, int at, String v) {
        String[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, b, at + 1, a.length - at);
        b[at] = v;
        return b;
    }

    private static double[] insert(double[] a, int at, double v) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, b, at + 1, a.length - at);
        b[at] = v;
        return b;
    }

    private static long[] insert(long[] a, int at, long v) {
        long[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, b, at + 1, a.length - at);
        b[at] = v;
        return b;
    }

    private static int[] insert(int[] a, int at, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, at, b, at + 1, a.length - at);
        b[at] = v;
        return b;
    }

    private static String[] remove(String[] a, int at) {
        String[] b = new String[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    private static double[] remove(double[] a, int at) {
        double[] b = new double[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    private static long[] remove(long[] a, int at) {
        long[] b = new long[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    private static int[] remove(int[] a, int at) {
        int[] b = new int[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceLog other && Arrays.equals(ids, other.ids) && Arrays.equals(scores, other.scores)
                && Arrays.equals(seconds, other.seconds) && Arrays.equals(nanos, other.nanos)
                && Arrays.equals(words, other.words) && Arrays.equals(methods, other.methods) && Arrays.equals(types, other.types);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }
}
