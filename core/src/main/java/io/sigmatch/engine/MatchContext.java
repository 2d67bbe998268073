package io.sigmatch.engine;

import io.sigmatch.event.Event;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Per-thread scratch space for {@link Engine#match}: the predicate bitset, rule and route marks,
 * a folding buffer, regex matchers. Create one per thread with {@link Engine#newContext()} and
 * reuse it for every event: matching then allocates nothing beyond the results. Not thread-safe.
 *
 * <pre>{@code
 * MatchContext ctx = engine.newContext();   // once per thread
 * for (Event e : events) engine.match(e, ctx, sink);
 * }</pre>
 */
public final class MatchContext {
  final Engine engine;
  final long[] bits;
  private final int[] setList;
  private int setCount;
  private final int[] ruleStamp;
  final int[] candidates;
  int candidateCount;
  private final long[] heldEntries;
  private boolean claimed;
  final FieldIndex[] openKeywords;
  int openKeywordCount;
  /**
   * The open keyword indexes as a bit set, for the memo; 0 when none is open or when the engine
   * has more than 64, and values are then not remembered with their keyword predicates.
   */
  long openKeywordSet;
  private final int[] fieldStamp;
  private final int[] checkStamp;
  private final int[] pendingChecks;
  private int pendingCount;
  private int checkRound;
  private int stamp;
  final boolean[] stack;
  final FoldedText folded = new FoldedText();
  /** Null when the engine was built without one. */
  final ValueMemo memo;
  /** Null when the engine was built without a value memo: then nothing is remembered. */
  final LineMemo lines;
  /** The memo while a value it missed is matched afresh, else null. */
  ValueMemo recorder;
  final StringBuilder numberText = new StringBuilder(24);
  final StringBuilder refBuffer = new StringBuilder(64);
  final StringBuilder otherRefBuffer = new StringBuilder(64);
  final com.google.re2j.Matcher[] matchers;
  final byte[] address = new byte[16];
  /** {@link Engine#matchBatch}'s adapter to its sink. */
  final IndexedSink indexedSink = new IndexedSink();
  /** What {@link EventPrefetch} read, kept so that the reads are not optimized away. */
  int prefetched;
  CharSequence rawText;
  CharSequence foldedText;
  Event event;
  boolean integerFound;

  final IntConsumer setter = this::set;
  final IntConsumer needleSink;
  /** Lists an event's fields into {@link #listedNames} and reads its routing fields at once. */
  final BiConsumer<String, Object> fieldCollector;
  private final FieldNameCache fieldNames;
  String[] listedNames = new String[32];
  Object[] listedValues = new Object[32];
  FieldIndex[] listedFields = new FieldIndex[32];
  int listedCount;
  /** Whether {@link #listedNames} holds all of the event's fields. */
  boolean listed;
  final Consumer<Object> keywordVisitor;

  MatchContext(Engine engine) {
    this.engine = engine;
    int predicates = engine.predicateCount();
    bits = new long[(predicates >>> 6) + 1];
    setList = new int[predicates];
    ruleStamp = new int[engine.ruleCount()];
    candidates = new int[engine.ruleCount()];
    heldEntries = new long[engine.routeWords()];
    openKeywords = new FieldIndex[engine.keywords.length];
    fieldStamp = new int[engine.fieldCount()];
    checkStamp = new int[engine.checkCount()];
    pendingChecks = new int[engine.checkCount()];
    stack = new boolean[engine.maxStack() + 1];
    matchers = engine.newMatchers();
    memo = engine.valueMemoSlots > 0 ? new ValueMemo(engine.valueMemoSlots) : null;
    lines = memo != null ? new LineMemo() : null;
    needleSink = payload -> {
      if (payload < predicates) {
        set(payload);
      } else {
        queueCheck(payload - predicates);
      }
    };
    fieldNames = new FieldNameCache(engine.fieldsByName);
    fieldCollector = this::list;
    keywordVisitor = value -> engine.visitKeywordValue(value, this);
  }

  /** Clears the marks of the previous event. */
  void begin(Event e) {
    for (int i = 0; i < setCount; i++) {
      int p = setList[i];
      bits[p >>> 6] = 0;
    }
    setCount = 0;
    candidateCount = 0;
    listedCount = 0;
    listed = false;
    recorder = null;
    event = e;
    if (++stamp == Integer.MAX_VALUE) {
      stamp = 1;
      Arrays.fill(ruleStamp, 0);
      Arrays.fill(fieldStamp, 0);
    }
  }

  /**
   * Notes one listed field of the event, to be read once the routes are decided; a routing field
   * is read now, since routes are decided from it.
   */
  private void list(String name, Object value) {
    FieldIndex f = fieldNames.get(name);
    if (f != null && engine.routesOnField[f.number] && firstVisit(f.number)) {
      f.value(value, this);
    }
    if (listedCount == listedNames.length) {
      int capacity = listedCount * 2;
      listedNames = Arrays.copyOf(listedNames, capacity);
      listedValues = Arrays.copyOf(listedValues, capacity);
      listedFields = Arrays.copyOf(listedFields, capacity);
    }
    listedNames[listedCount] = name;
    listedValues[listedCount] = value;
    listedFields[listedCount++] = f;
  }

  /**
   * The value of field {@code name} in this event: from the listing when the event listed its
   * fields (a field reference reads its other field for every value, and a miss in the event's
   * own map cost a walk to memory), else from the event.
   */
  Object fieldValue(String name) {
    if (listed) {
      int h = name.hashCode();
      for (int i = 0; i < listedCount; i++) {
        String k = listedNames[i];
        if (k == name || k.hashCode() == h && k.equals(name)) {
          return listedValues[i];
        }
      }
      if (name.indexOf('.') < 0) {
        return Event.ABSENT;
      }
    }
    return event.get(name);
  }

  /** Marks predicate {@code p} as holding and wakes the rules it anchors. */
  void set(int p) {
    if (recorder != null) {
      recorder.record(p);
    }
    long mask = 1L << p;
    int word = p >>> 6;
    if ((bits[word] & mask) != 0) {
      return;
    }
    bits[word] |= mask;
    setList[setCount++] = p;
    int[] rules = engine.anchoredRules;
    for (int k = engine.anchorStart[p], end = engine.anchorStart[p + 1]; k < end; k++) {
      wake(rules[k]);
    }
  }

  void setAll(int[] predicates) {
    if (predicates != null) {
      for (int p : predicates) {
        set(p);
      }
    }
  }

  void wake(int rule) {
    if (ruleStamp[rule] != stamp) {
      ruleStamp[rule] = stamp;
      candidates[candidateCount++] = rule;
    }
  }

  /** Whether field number {@code f} was read for this event; marks it read. */
  boolean firstVisit(int f) {
    if (fieldStamp[f] == stamp) {
      return false;
    }
    fieldStamp[f] = stamp;
    return true;
  }

  /** Decides which mapping entries hold, from the routing fields read so far. */
  void decideRoutes() {
    claimed = engine.routes.decide(bits, setList, setCount, stack, heldEntries);
  }

  /** Lists the keyword indexes whose gates open for this event. */
  void openKeywords() {
    openKeywordCount = 0;
    long set = 0;
    FieldIndex[] keywords = engine.keywords;
    for (int i = 0; i < keywords.length; i++) {
      if (opens(engine.gates[keywords[i].number])) {
        openKeywords[openKeywordCount++] = keywords[i];
        set |= 1L << i;
      }
    }
    openKeywordSet = keywords.length <= Long.SIZE ? set : 0;
  }

  /** Whether route {@code r} admits this event. */
  boolean admits(int r) {
    return engine.routes.admits(r, heldEntries, claimed);
  }

  /** Whether a field behind {@code gate} can matter to this event; no gate means it always can. */
  boolean opens(RouteTable.Gate gate) {
    return gate == null || gate.opens(heldEntries, claimed);
  }

  void startChecks() {
    pendingCount = 0;
    if (++checkRound == Integer.MAX_VALUE) {
      checkRound = 1;
      Arrays.fill(checkStamp, 0);
    }
  }

  void queueCheck(int c) {
    if (checkStamp[c] != checkRound) {
      checkStamp[c] = checkRound;
      pendingChecks[pendingCount++] = c;
    }
  }

  void runChecks() {
    for (int i = 0; i < pendingCount; i++) {
      Check c = engine.check(pendingChecks[i]);
      if (c.test(this)) {
        set(c.predicate());
      }
    }
  }

  /** The text of a non-string scalar; integers and booleans without allocating. */
  CharSequence render(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      numberText.setLength(0);
      return numberText.append(((Number) value).longValue());
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    return io.sigmatch.value.ValueText.render(value);
  }

  /**
   * The value as a long when it is an integer or a string of at most 18 plain digits (with an
   * optional sign), setting {@link #integerFound}; the common case of event ids and ports.
   */
  long integer(Object value) {
    integerFound = false;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      integerFound = true;
      return ((Number) value).longValue();
    }
    if (!(value instanceof String s)) {
      return 0;
    }
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (i == n || n - i > 18) {
      return 0;
    }
    long v = 0;
    for (int k = i; k < n; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return 0;
      }
      v = v * 10 + (c - '0');
    }
    integerFound = true;
    return s.charAt(0) == '-' ? -v : v;
  }
}
