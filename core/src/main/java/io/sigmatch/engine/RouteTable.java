package io.sigmatch.engine;

import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.routing.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logsource routing decided once per event, before any rule field is read: each mapping entry is
 * a program over the predicates of the routing fields ({@code Channel}, {@code EventID}), and the
 * entries that hold form a small bitset. Every route and every gate is then a mask test on it.
 *
 * <p>A route ({@link Route}) admits an event when all its required entries hold or, unmapped,
 * when no entry holds (the event is not claimed) or a covering one does. A gate is the union of
 * the routes of the rules that read one field: while it is shut, no rule that reads the field can
 * run, so the field is not looked at. Gates may open too often (a route needing two entries opens
 * its gates on either), never too rarely.
 *
 * <p>Time per event: one program run per entry anchored on a routing predicate that holds, then
 * O(entries / 64) per route or gate test.
 */
final class RouteTable {
  /** The routes of one rule set, numbered; equal routes (say, all uncovered ones) share a number. */
  static final class Builder {
    private final Map<LogsourceMapping.Entry, Integer> entryNumbers = new IdentityHashMap<>();
    private final List<LogsourceMapping.Entry> entries;
    private final Map<List<Object>, Integer> routeNumbers = new LinkedHashMap<>();
    private final List<long[]> required = new ArrayList<>();
    private final List<long[]> covering = new ArrayList<>();
    private final List<Boolean> unmapped = new ArrayList<>();
    private final int words;

    /** Over these entries of a mapping, in its order; routes may name no others. */
    Builder(List<LogsourceMapping.Entry> entries) {
      this.entries = entries;
      for (int i = 0; i < entries.size(); i++) {
        entryNumbers.put(entries.get(i), i);
      }
      words = Math.max(1, (entries.size() + 63) >>> 6);
    }

    /** The number of {@code route}, adding it when new. */
    int add(Route route) {
      long[] need = mask(route.entries());
      long[] cover = mask(route.covering());
      List<Object> key = List.of(Arrays.toString(need), Arrays.toString(cover), route.unmapped());
      Integer known = routeNumbers.get(key);
      if (known != null) {
        return known;
      }
      int number = required.size();
      routeNumbers.put(key, number);
      required.add(need);
      covering.add(cover);
      unmapped.add(route.unmapped());
      return number;
    }

    private long[] mask(List<LogsourceMapping.Entry> list) {
      long[] m = new long[words];
      for (LogsourceMapping.Entry e : list) {
        int n = entryNumbers.get(e);
        m[n >>> 6] |= 1L << n;
      }
      return m;
    }

    private boolean[] unmappedFlags() {
      boolean[] flags = new boolean[unmapped.size()];
      for (int i = 0; i < flags.length; i++) {
        flags[i] = unmapped.get(i);
      }
      return flags;
    }

    /** A gate open on the events some of {@code routes} may admit. */
    Gate gate(Iterable<Integer> routes) {
      long[] m = new long[words];
      boolean unclaimed = false;
      for (int r : routes) {
        long[] need = required.get(r);
        long[] cover = covering.get(r);
        for (int w = 0; w < words; w++) {
          m[w] |= need[w] | cover[w];
        }
        unclaimed |= unmapped.get(r);
      }
      return new Gate(m, unclaimed);
    }

    RouteTable build(RuleCompiler compiler, PredicateTable table) {
      List<Expr> exprs = new ArrayList<>();
      Map<Integer, Integer> entriesUsing = new java.util.HashMap<>();
      for (LogsourceMapping.Entry entry : entries) {
        Expr e = compiler.entry(entry);
        exprs.add(e);
        java.util.Set<Integer> used = new java.util.HashSet<>();
        Expr.forEachPredicate(e, used::add);
        used.forEach(p -> entriesUsing.merge(p, 1, Integer::sum));
      }
      // An entry is woken by the predicate fewest entries share: EventID 3 wakes the two network
      // connection entries, where the Sysmon channel would wake every Sysmon entry.
      Anchors anchors = new Anchors(p -> entriesUsing.getOrDefault(p, 1));
      ConditionProgram[] programs = new ConditionProgram[entries.size()];
      List<List<Integer>> anchored = new ArrayList<>();
      List<Integer> unanchored = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        Expr e = exprs.get(i);
        programs[i] = ConditionProgram.compile(e);
        int[] anchor = anchors.of(e);
        if (anchor == null) {
          unanchored.add(i);
          continue;
        }
        for (int p : anchor) {
          while (anchored.size() <= p) {
            anchored.add(null);
          }
          if (anchored.get(p) == null) {
            anchored.set(p, new ArrayList<>());
          }
          anchored.get(p).add(i);
        }
      }
      int[] start = new int[table.size() + 1];
      List<Integer> flat = new ArrayList<>();
      for (int p = 0; p < table.size(); p++) {
        start[p] = flat.size();
        if (p < anchored.size() && anchored.get(p) != null) {
          flat.addAll(anchored.get(p));
        }
      }
      start[table.size()] = flat.size();
      return new RouteTable(programs, start, flat.stream().mapToInt(Integer::intValue).toArray(),
          unanchored.stream().mapToInt(Integer::intValue).toArray(), required.toArray(new long[0][]),
          covering.toArray(new long[0][]), unmappedFlags(), words);
    }
  }

  /**
   * The union of some routes: open on an event when an entry one of them needs or is covered by
   * holds, or, if one is unmapped, when no entry holds.
   */
  record Gate(long[] entries, boolean unclaimed) {
    /** A text equal for equal gates. */
    String key() {
      return Arrays.toString(entries) + unclaimed;
    }

    boolean opens(long[] held, boolean claimed) {
      if (!claimed) {
        return unclaimed;
      }
      for (int w = 0; w < held.length; w++) {
        if ((entries[w] & held[w]) != 0) {
          return true;
        }
      }
      return false;
    }
  }

  private final ConditionProgram[] entryPrograms;
  private final int[] anchorStart;
  private final int[] anchoredEntries;
  private final int[] unanchoredEntries;
  private final long[][] required;
  private final long[][] covering;
  private final boolean[] unmapped;
  final int words;

  private RouteTable(ConditionProgram[] entryPrograms, int[] anchorStart, int[] anchoredEntries,
      int[] unanchoredEntries, long[][] required, long[][] covering, boolean[] unmapped, int words) {
    this.entryPrograms = entryPrograms;
    this.anchorStart = anchorStart;
    this.anchoredEntries = anchoredEntries;
    this.unanchoredEntries = unanchoredEntries;
    this.required = required;
    this.covering = covering;
    this.unmapped = unmapped;
    this.words = words;
  }

  int routeCount() {
    return required.length;
  }

  int maxStack() {
    int stack = 1;
    for (ConditionProgram p : entryPrograms) {
      stack = Math.max(stack, p.maxStack());
    }
    return stack;
  }

  /**
   * Sets {@code held} to the entries that hold, given the predicates set so far ({@code set[0 ..
   * count)}, those of the routing fields); returns whether any does (the event is claimed).
   */
  boolean decide(long[] bits, int[] set, int count, boolean[] stack, long[] held) {
    Arrays.fill(held, 0);
    boolean claimed = false;
    for (int i = 0; i < count; i++) {
      int p = set[i];
      for (int k = anchorStart[p], end = anchorStart[p + 1]; k < end; k++) {
        claimed |= evaluate(anchoredEntries[k], bits, stack, held);
      }
    }
    for (int e : unanchoredEntries) {
      claimed |= evaluate(e, bits, stack, held);
    }
    return claimed;
  }

  private boolean evaluate(int entry, long[] bits, boolean[] stack, long[] held) {
    long mask = 1L << entry;
    if ((held[entry >>> 6] & mask) != 0) {
      return true;
    }
    if (entryPrograms[entry].eval(bits, stack)) {
      held[entry >>> 6] |= mask;
      return true;
    }
    return false;
  }

  /** Whether route {@code r} admits an event whose holding entries are {@code held}. */
  boolean admits(int r, long[] held, boolean claimed) {
    long[] need = required[r];
    if (unmapped[r]) {
      if (!claimed) {
        return true;
      }
      long[] cover = covering[r];
      for (int w = 0; w < held.length; w++) {
        if ((cover[w] & held[w]) != 0) {
          return true;
        }
      }
      return false;
    }
    for (int w = 0; w < held.length; w++) {
      if ((need[w] & held[w]) != need[w]) {
        return false;
      }
    }
    return true;
  }
}
