package dev.whylock.linux.model;

import java.util.Collection;

/** "Did you mean" suggestions by edit distance, for scenario files and command-line values alike. */
public final class Suggest {
    private Suggest() {}

    /** {@code "; did you mean 'x'?"} for the closest candidate within a small distance, or "". */
    public static String didYouMean(String given, Collection<String> candidates) {
        String best = closest(given, candidates);
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** The closest candidate within max(2, len/3) edits, or null. */
    static String closest(String given, Collection<String> candidates) {
        if (given == null) {
            return null;
        }
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(given, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        int limit = Math.max(2, given.length() / 3);
        return bestD <= limit ? best : null;
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
