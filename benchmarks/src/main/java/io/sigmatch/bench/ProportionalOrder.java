package io.sigmatch.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Interleaves groups of items into one sequence whose every prefix holds each group in proportion
 * to its share of the whole, to within one item: after {@code n} of {@code S} items, a group of
 * {@code s} has contributed at least {@code floor(n·s/S)} and at most {@code ceil(n·s/S)} (the quota
 * property of apportionment, which Balinski and Young asked of house sizes). Each group's items keep
 * their order.
 *
 * <pre>{@code
 * ProportionalOrder.interleave(List.of(List.of("a1", "a2", "a3", "a4"), List.of("b1", "b2")), 1);
 * // [b1, a1, a2, a3, a4, b2]: after 5 items, 4 a (5·4/6 = 3.33: 3 or 4) and 1 b (1.67: 1 or 2)
 * }</pre>
 *
 * <p>Why it can be done, and how. The k-th item of a group (k from 1) may not come before position
 * {@code floor((k−1)·S/s) + 1}, or the group would exceed its ceiling, and must come by position
 * {@code ceil(k·S/s)}, or it would fall below its floor. Into any stretch of positions
 * {@code [a, b]} must go the items whose windows lie inside it: from one group at most
 * {@code floor(b·s/S) − ceil((a−1)·s/S) ≤ (b−a+1)·s/S}, so from all of them at most
 * {@code b−a+1}, which fit. For unit-length jobs with release times and deadlines that can all be
 * met, earliest-deadline-first (at each position, of the items whose window has opened, take the
 * one due soonest) meets them all. Placing the first group's first item first keeps that true: a
 * stretch {@code [2, b]} ending before that item's deadline gets nothing from its group, whose
 * share {@code b·s/S} is then under 1, so the other groups' floors sum to at most {@code b−1}.
 *
 * <p>Ties go to the group listed first. Time O(S·G) for S items in G groups.
 */
final class ProportionalOrder {
  private ProportionalOrder() {}

  /**
   * All items of {@code groups}, interleaved as above, starting with the first item of
   * {@code groups.get(first)}.
   */
  static <T> List<T> interleave(List<List<T>> groups, int first) {
    long total = 0;
    for (List<T> g : groups) {
      total += g.size();
    }
    int[] placed = new int[groups.size()];
    List<T> out = new ArrayList<>((int) total);
    out.add(groups.get(first).get(0));
    placed[first] = 1;
    for (long position = 2; position <= total; position++) {
      int due = -1;
      long dueBy = Long.MAX_VALUE;
      for (int g = 0; g < groups.size(); g++) {
        long size = groups.get(g).size();
        long k = placed[g];
        if (k == size || k * total / size + 1 > position) {
          continue;
        }
        long deadline = ((k + 1) * total + size - 1) / size;
        if (deadline < dueBy) {
          due = g;
          dueBy = deadline;
        }
      }
      out.add(groups.get(due).get(placed[due]++));
    }
    return out;
  }
}
