package io.sigmatch.engine;

import io.sigmatch.event.Event;
import io.sigmatch.index.CidrTrie;
import io.sigmatch.index.NumericThresholds;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.NumericText;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the rules ask of one field, answered from one look at its value: presence and null,
 * text (folded and cased {@link TextIndex}es, match-anything; booleans compare as their text),
 * numbers (equality table and thresholds), IP networks, time parts and field references. A list value is read
 * element by element; a predicate holds when it holds for some element, as in the reference.
 *
 * <p>Per value: the text is folded once, then each structure makes one pass over it; cost is
 * linear in the value's length plus the predicates that hold and the checks their guards wake.
 */
final class FieldIndex {
  final String field;
  final int present;
  final int nullValue;
  final TextIndex folded;
  final TextIndex cased;
  final int[] anyText;
  final int[] unguardedChecks;
  final NumberTable numbers;
  final NumericThresholds thresholds;
  final CidrTrie networks;
  final int networkCount;
  final ValueMatcher.TimeCompare[] times;
  final int[] timePredicates;
  /** Per time check, its threshold's floor (clamped to the long range) and whether it is integral: no BigDecimal per value. */
  private final long[] timeFloors;
  private final boolean[] timeIntegral;
  final ValueMatcher.FieldRef[] fieldRefs;
  final int[] fieldRefPredicates;
  /** Whether a number or boolean value must be rendered as text for some predicate. */
  final boolean needsText;
  /**
   * A text shorter than this can hold none of the field's predicates: set when all it asks of a
   * text is a needle (keywords, most {@code contains}), so short values skip folding and scanning.
   */
  private final int shortestUsefulText;
  /**
   * Integers in {@code (shortIntegerAbove, shortIntegerBelow)} render shorter than
   * {@link #shortestUsefulText}, so they are not rendered: keyword probes meet event ids,
   * process ids and ports in every event, and rendering them cost about 2% of the time.
   */
  private final long shortIntegerAbove;
  private final long shortIntegerBelow;
  /**
   * Set when all the index asks of a text is long needles (keyword lists): a block-shift probe of
   * the unfolded text rules most values out before any folding, which costs less than a memo
   * lookup, so these values stay out of the memo and leave its slots to costlier ones.
   */
  private final boolean prefiltered;
  /**
   * Set when nothing reads the folded value but the folded equality table and tries (no needles,
   * so no checks): a string value is then matched as read, folding only the chars they look at.
   */
  private final boolean foldsAsRead;
  /**
   * Set when a string value asks nothing but the folded tables read as is (no memo, numbers,
   * networks, times or field references): such a value skips the general path, whose tests and
   * calls cost more than the lookups themselves on the few fields a small rule set reads.
   */
  private final boolean tablesOnly;
  /** Set when a value asks nothing but the equality table of numbers: event ids, ports. */
  private final boolean numbersOnly;
  /** Dense number of this field, for the context's visited marks. */
  final int number;
  /** Whether the name has a dot, so an event may hold the field nested rather than listed. */
  final boolean dotted;

  FieldIndex(String field, int number, int present, int nullValue, TextIndex folded, TextIndex cased, int[] anyText,
      int[] unguardedChecks, NumberTable numbers, NumericThresholds thresholds,
      CidrTrie networks, int networkCount, ValueMatcher.TimeCompare[] times,
      int[] timePredicates, ValueMatcher.FieldRef[] fieldRefs, int[] fieldRefPredicates) {
    // Interned, as Jackson interns the names it parses: a map lookup then meets the key by
    // identity instead of comparing its chars (the seed rule: 430 to 396 ns an event).
    this.field = field.intern();
    this.number = number;
    this.dotted = field.indexOf('.') >= 0;
    this.present = present;
    this.nullValue = nullValue;
    this.folded = folded;
    this.cased = cased;
    this.anyText = anyText;
    this.unguardedChecks = unguardedChecks;
    this.numbers = numbers;
    this.thresholds = thresholds;
    this.networks = networks;
    this.networkCount = networkCount;
    this.times = times;
    this.timePredicates = timePredicates;
    this.timeFloors = new long[times.length];
    this.timeIntegral = new boolean[times.length];
    for (int i = 0; i < times.length; i++) {
      BigDecimal v = times[i].value();
      BigDecimal floor = v.setScale(0, java.math.RoundingMode.FLOOR);
      timeIntegral[i] = floor.compareTo(v) == 0;
      timeFloors[i] = floor.max(BigDecimal.valueOf(-1_000_000_000_000L)).min(BigDecimal.valueOf(1_000_000_000_000L))
          .longValue();
    }
    this.fieldRefs = fieldRefs;
    this.fieldRefPredicates = fieldRefPredicates;
    this.shortestUsefulText = cased == null && anyText.length == 0 && unguardedChecks.length == 0 && networks == null
        && times.length == 0 && fieldRefs.length == 0 && folded != null && folded.needlesOnly() ? folded.shortestNeedle : 0;
    this.shortIntegerBelow = shortestUsefulText > 1 ? powerOfTen(shortestUsefulText - 1) : 0;
    this.shortIntegerAbove = shortestUsefulText > 1 ? -powerOfTen(shortestUsefulText - 2) : 0;
    this.prefiltered = shortestUsefulText > 0 && folded.needles.skipsAhead();
    this.foldsAsRead = folded != null && folded.needles == null && unguardedChecks.length == 0
        && (cased == null || cased.needles == null);
    boolean nothingElse = anyText.length == 0 && thresholds == null && networks == null && times.length == 0
        && fieldRefs.length == 0;
    this.tablesOnly = foldsAsRead && cased == null && numbers == null && nothingElse;
    this.numbersOnly = folded == null && cased == null && unguardedChecks.length == 0 && numbers != null && nothingElse;
    this.needsText = folded != null || cased != null || anyText.length > 0 || unguardedChecks.length > 0
        || networks != null || fieldRefs.length > 0;
  }

  /** 10^e, capped past the range of long (Math.pow is exact for powers a double holds exactly). */
  private static long powerOfTen(int e) {
    return e >= 19 ? Long.MAX_VALUE : (long) Math.pow(10, e);
  }

  /** Reads the field's value (present: not {@link Event#ABSENT}). */
  void value(Object value, MatchContext ctx) {
    if (present >= 0) {
      ctx.set(present);
    }
    if (numbersOnly && (value instanceof Integer || value instanceof String)) {
      number(value, ctx);
      return;
    }
    element(value, ctx);
  }

  private void element(Object value, MatchContext ctx) {
    // Strings and ints first: a test against a final class is one compare, while a failed test
    // against an interface (List, Map) scans the class's interfaces, about 15 ns a test on JDK 17.
    if (value instanceof String || value instanceof Integer) {
      scalar(value, ctx);
    } else if (value == null) {
      if (nullValue >= 0) {
        ctx.set(nullValue);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0, n = list.size(); i < n; i++) {
        element(list.get(i), ctx);
      }
    } else if (!(value instanceof java.util.Map)) {
      scalar(value, ctx);
    }
  }

  /**
   * Reads the field's value and, when it is a string the memo may hold, scans it for the open
   * keyword indexes too, replaying or remembering both at once; returns false when it did not scan
   * for keywords, which the caller then does.
   */
  boolean valueAndKeywords(Object value, MatchContext ctx) {
    if (!(value instanceof String s) || !remembers(s, ctx)) {
      value(value, ctx);
      return false;
    }
    if (present >= 0) {
      ctx.set(present);
    }
    ValueMemo memo = ctx.memo;
    long keywordSet = ctx.openKeywordSet;
    int replayed = memo.replay(number, s, keywordSet, ctx);
    if (replayed != ValueMemo.ALL) {
      ctx.recorder = memo;
      if (replayed == ValueMemo.MISS) {
        ownPredicates(s, ctx);
        memo.endOwnPredicates();
      }
      ctx.engine.scanKeywords(s, ctx);
      ctx.recorder = null;
      if (replayed == ValueMemo.MISS) {
        memo.remember(number, s, keywordSet);
      } else {
        memo.rememberKeywords(keywordSet);
      }
    }
    fieldRefs(s, ctx);
    return true;
  }

  /**
   * Reads one scalar: a field's value or list element, or any value for keywords. What a string
   * value sets from its own text is replayed from the context's memo when it holds the value, else
   * matched and remembered; field references read other fields, so they are matched every time.
   */
  void scalar(Object value, MatchContext ctx) {
    if (tablesOnly && value instanceof String s && folded.matchFoldingAscii(s, ctx)) {
      return;
    }
    if (value instanceof String s && remembers(s, ctx)) {
      ValueMemo memo = ctx.memo;
      if (memo.replay(number, s, 0L, ctx) == ValueMemo.MISS) {
        ctx.recorder = memo;
        ownPredicates(s, ctx);
        memo.endOwnPredicates();
        ctx.recorder = null;
        memo.remember(number, s, 0L);
      }
      fieldRefs(s, ctx);
      return;
    }
    unremembered(value, ctx);
  }

  /** Reads one scalar afresh, without the memo: the keyword scan inside another value's recording. */
  void unremembered(Object value, MatchContext ctx) {
    CharSequence text = ownPredicates(value, ctx);
    if (text != null) {
      fieldRefs(text, ctx);
    }
  }

  /**
   * Whether values of this field go through the memo: not those a probe rules out or a table
   * answers as read, nor numbers, which cost less to match than to look up.
   */
  boolean usesMemo() {
    return !prefiltered && !tablesOnly && !numbersOnly;
  }

  private boolean remembers(String s, MatchContext ctx) {
    return usesMemo() && ctx.memo != null && s.length() >= shortestUsefulText && s.length() <= ValueMemo.MAX_LENGTH;
  }

  /** Sets what the value holds by itself; returns its text, or null when it has none to compare. */
  private CharSequence ownPredicates(Object value, MatchContext ctx) {
    CharSequence text = value instanceof String s ? s : needsText && !rendersTooShort(value) ? ctx.render(value) : null;
    if (text != null) {
      text(text, value instanceof String s ? s : null, ctx);
    }
    if (numbers != null || thresholds != null) {
      number(value, ctx);
    }
    return text;
  }

  private boolean rendersTooShort(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      long v = ((Number) value).longValue();
      return v > shortIntegerAbove && v < shortIntegerBelow;
    }
    return false;
  }

  private void fieldRefs(CharSequence text, MatchContext ctx) {
    for (int i = 0; i < fieldRefs.length; i++) {
      if (FieldRefs.holds(fieldRefs[i], text, ctx.fieldValue(fieldRefs[i].field()), ctx)) {
        ctx.set(fieldRefPredicates[i]);
      }
    }
  }

  /** Text predicates of a value's text; {@code string} is the value itself when it is a string. */
  private void text(CharSequence text, String string, MatchContext ctx) {
    // A long multi-line value skips the probe: its lines, mostly seen before, replay faster.
    if (text.length() < shortestUsefulText || prefiltered && !(string != null && folded.findsByLine(string, ctx))
        && !folded.needles.mayOccurInUnfolded(text)) {
      return;
    }
    for (int p : anyText) {
      ctx.set(p);
    }
    ctx.rawText = text;
    boolean matchedAsRead = foldsAsRead && string != null && folded.matchFoldingAscii(string, ctx);
    ctx.foldedText = !matchedAsRead && (folded != null || unguardedChecks.length > 0) ? ctx.folded.fold(text) : text;
    ctx.startChecks();
    if (cased != null) {
      cased.match(text, ctx);
    }
    if (folded != null && !matchedAsRead) {
      folded.match(ctx.foldedText, ctx);
    }
    for (int c : unguardedChecks) {
      ctx.queueCheck(c);
    }
    ctx.runChecks();
    if (networks != null) {
      int family = CidrTrie.parseAddress(text, ctx.address);
      if (family != 0) {
        networks.matchAddress(ctx.address, family, ctx.setter);
      }
    }
    if (string != null) {
      for (int i = 0; i < times.length; i++) {
        ValueMatcher.TimeCompare t = times[i];
        int part = t.part().of(string);
        if (part >= 0 && t.comparison().holdsForSign(compare(part, timeFloors[i], timeIntegral[i]))) {
          ctx.set(timePredicates[i]);
        }
      }
    }
  }

  /** Compares an integer with a threshold given as its floor and whether it is integral. */
  private static int compare(int part, long floor, boolean integral) {
    if (part != floor) {
      return part > floor ? 1 : -1;
    }
    return integral ? 0 : -1;
  }

  private void number(Object value, MatchContext ctx) {
    long fast = ctx.integer(value);
    if (ctx.integerFound) {
      if (numbers != null) {
        ctx.setAll(numbers.get(fast));
      }
      if (thresholds != null) {
        thresholds.match(fast, ctx.setter);
      }
      return;
    }
    BigDecimal n = NumericText.of(value);
    if (n == null) {
      return;
    }
    if (numbers != null) {
      ctx.setAll(numbers.get(n));
    }
    if (thresholds != null) {
      thresholds.match(n, ctx.setter);
    }
  }
}
