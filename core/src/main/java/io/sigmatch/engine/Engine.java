package io.sigmatch.engine;

import io.sigmatch.event.Event;
import io.sigmatch.event.MapEvent;
import io.sigmatch.routing.LogsourceMapping;
import io.sigmatch.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All rules compiled into shared per-field indexes: an event costs one look at each of its fields
 * (or of each field the rules name, for events that cannot list theirs), then the condition
 * programs of the rules whose anchor predicates fired. Gives the same verdicts as
 * {@link io.sigmatch.reference.ReferenceEvaluator}. Immutable and safe to share between threads;
 * each thread brings its own {@link MatchContext}.
 *
 * <pre>{@code
 * RuleSet set = RuleLoader.builder().build().load(List.of(Path.of("rules")));
 * Engine engine = Engine.builder().rules(set.rules()).build();   // routing: LogsourceMapping.defaults()
 * MatchContext ctx = engine.newContext();                        // one per thread, reused
 * engine.match(new MapEvent(json), ctx, rule -> System.out.println(rule.title()));
 * }</pre>
 *
 * <p>To swap rule sets, build a new engine and publish it (e.g. through an
 * {@code AtomicReference}); events in flight finish on the old one.
 */
public final class Engine {
  /** Up to this many indexed fields, an event's fields are looked up rather than listed. */
  private static final int LOOKUP_LIMIT = 8;

  final SigmaRule[] rules;
  final ConditionProgram[] programs;
  final int[] routeOf;
  final RouteTable routes;
  final FieldIndex[] routingFields;
  /** By field number: whether the field decides routes, so is read as soon as it is listed. */
  final boolean[] routesOnField;
  final RouteTable.Gate[] gates;
  /** Rules anchored on predicate p: {@code anchoredRules[anchorStart[p] .. anchorStart[p + 1])}. */
  final int[] anchorStart;
  final int[] anchoredRules;
  /** Few fields and no keywords: looking the fields up beats listing the event's fields. */
  final boolean lookUpFields;
  /**
   * For an engine that looks its fields up and has no rule that runs unanchored: the fields that
   * hold an anchor predicate, read first, so an event that wakes no rule is decided without its
   * routing or other fields. Null otherwise.
   */
  final FieldIndex[] anchorFields;
  final int[] alwaysRun;
  final Map<String, FieldIndex> fieldsByName;
  final FieldIndex[] fields;
  final Map<String, FieldIndex[]> dottedByFirstSegment;
  /** Keyword indexes, one per distinct gate of the rules that use them, each behind that gate. */
  final FieldIndex[] keywords;
  final Check[] checks;
  final com.google.re2j.Pattern[] regexes;
  final int predicateCount;
  final int maxStack;
  final EngineStats stats;
  final PredicateTable table;
  final int[] ruleCounts;
  /** Slots of each context's {@link ValueMemo}; 0 for none. */
  final int valueMemoSlots;

  Engine(SigmaRule[] rules, ConditionProgram[] programs, int[] routeOf, RouteTable routes,
      FieldIndex[] routingFields, RouteTable.Gate[] gates, int[] anchorStart, int[] anchoredRules, int[] alwaysRun, Map<String, FieldIndex> fieldsByName,
      Map<String, FieldIndex[]> dottedByFirstSegment, FieldIndex[] keywords, Check[] checks,
      com.google.re2j.Pattern[] regexes, PredicateTable table, EngineStats stats, int valueMemoSlots) {
    this.rules = rules;
    this.programs = programs;
    this.routeOf = routeOf;
    this.routes = routes;
    this.routingFields = routingFields;
    this.routesOnField = new boolean[gates.length];
    for (FieldIndex f : routingFields) {
      routesOnField[f.number] = true;
    }
    this.gates = gates;
    this.anchorStart = anchorStart;
    this.anchoredRules = anchoredRules;
    this.alwaysRun = alwaysRun;
    this.fieldsByName = fieldsByName;
    this.fields = fieldsByName.values().toArray(new FieldIndex[0]);
    this.dottedByFirstSegment = dottedByFirstSegment;
    this.keywords = keywords;
    this.lookUpFields = keywords.length == 0 && this.fields.length <= LOOKUP_LIMIT;
    this.anchorFields = lookUpFields && alwaysRun.length == 0 ? anchorFields(table, anchorStart, fieldsByName) : null;
    this.checks = checks;
    this.regexes = regexes;
    this.table = table;
    this.predicateCount = table.size();
    this.ruleCounts = table.ruleCounts();
    int stack = 1;
    for (ConditionProgram p : programs) {
      stack = Math.max(stack, p.maxStack());
    }
    stack = Math.max(stack, routes.maxStack());
    this.maxStack = stack;
    this.stats = stats;
    // A context of an engine none of whose fields consults the memo does without one: with a
    // few rules, that is 3.3 MB a context not allocated.
    boolean memoUsed = false;
    for (FieldIndex f : fields) {
      memoUsed |= f.usesMemo();
    }
    for (FieldIndex f : keywords) {
      memoUsed |= f.usesMemo();
    }
    this.valueMemoSlots = memoUsed ? valueMemoSlots : 0;
  }

  /** The distinct fields of the predicates that anchor some rule, in predicate order. */
  private static FieldIndex[] anchorFields(PredicateTable table, int[] anchorStart, Map<String, FieldIndex> fieldsByName) {
    Set<FieldIndex> anchoring = new LinkedHashSet<>();
    for (int p = 0; p < table.size(); p++) {
      if (anchorStart[p + 1] > anchorStart[p]) {
        anchoring.add(fieldsByName.get(table.get(p).field()));
      }
    }
    return anchoring.toArray(new FieldIndex[0]);
  }

  /** Starts an engine description. */
  public static Builder builder() {
    return new Builder();
  }

  /** A new scratch context for one thread. */
  public MatchContext newContext() {
    return new MatchContext(this);
  }

  /** What was compiled: counts and index sizes. */
  public EngineStats stats() {
    return stats;
  }

  /**
   * What {@code rule} looks for, item by item, with the corpus count of each indicator: how many
   * of this engine's rules look for the same field, kind and value. Computed from the merged
   * predicate table; a rule that is not in this engine gets counts from the engine's rules only.
   */
  public List<Indicator> indicators(SigmaRule rule) {
    return new Indicators(new RuleCompiler(table, true), table, ruleCounts).of(rule);
  }

  /**
   * Passes each rule that matches {@code event} (and raises alerts of its own) to {@code sink}, in
   * load order. Allocates nothing when {@code ctx} is reused and the event matches nothing.
   */
  public void match(Event event, MatchContext ctx, MatchSink sink) {
    if (ctx.engine != this) {
      throw new IllegalArgumentException("the context belongs to another engine");
    }
    ctx.begin(event);
    if (anchorFields != null && !anchorsWake(event, ctx)) {
      return;
    }
    boolean listed = !lookUpFields && event.forEachField(ctx.fieldCollector);
    for (FieldIndex f : routingFields) {
      // A listing event's routing fields were read as they were listed, unless nested.
      Object v = listed && !f.dotted ? Event.ABSENT : event.get(f.field);
      if (v != Event.ABSENT && ctx.firstVisit(f.number)) {
        f.value(v, ctx);
      }
    }
    ctx.decideRoutes();
    ctx.openKeywords();
    if (listed) {
      ctx.listed = true;
      for (int i = 0, n = ctx.listedCount; i < n; i++) {
        visitField(ctx.listedNames[i], ctx.listedValues[i], ctx.listedFields[i], ctx);
      }
    } else {
      for (FieldIndex f : fields) {
        if (ctx.firstVisit(f.number) && ctx.opens(gates[f.number])) {
          Object v = event.get(f.field);
          if (v != Event.ABSENT) {
            f.value(v, ctx);
          }
        }
      }
      if (ctx.openKeywordCount > 0) {
        event.forEachScalar(ctx.keywordVisitor);
      }
    }
    for (int r : alwaysRun) {
      ctx.wake(r);
    }
    // Only the matching candidates, packed at the front, are sorted into load order: on the OTRF
    // sample an event wakes ten candidates on average, and one event in fifty matches a rule.
    int[] candidates = ctx.candidates;
    int matched = 0;
    for (int i = 0; i < ctx.candidateCount; i++) {
      int r = candidates[i];
      if (ctx.admits(routeOf[r]) && programs[r].eval(ctx.bits, ctx.stack)) {
        candidates[matched++] = r;
      }
    }
    if (matched > 1) {
      Arrays.sort(candidates, 0, matched);
    }
    for (int i = 0; i < matched; i++) {
      sink.matched(rules[candidates[i]]);
    }
  }

  /**
   * Reads the anchor fields, ungated: their predicates hold or not whatever the routes, and a rule
   * runs only once one of its anchor predicates holds. Returns whether any rule woke. The seed
   * rule on events it does not match reads {@code Image} alone, not the four other fields.
   */
  private boolean anchorsWake(Event event, MatchContext ctx) {
    for (FieldIndex f : anchorFields) {
      ctx.firstVisit(f.number);
      Object v = event.get(f.field);
      if (v != Event.ABSENT) {
        f.value(v, ctx);
      }
    }
    return ctx.candidateCount > 0;
  }

  /**
   * Matches the events of {@code events} in order, as {@link #match(Event, MatchContext, MatchSink)}
   * would one by one, and passes each match to {@code sink} with the position of its event in the
   * list. Faster than one call per event when the events were parsed a while before they are
   * matched (a poll's records, a file read ahead): four at a time, the engine brings the events'
   * fields into the CPU caches together before matching them ({@link EventPrefetch}): up to a
   * tenth more events a second on the benchmarks' sample. Allocates nothing when {@code ctx} is
   * reused and nothing matches, once the JIT has compiled the prefetch.
   *
   * <pre>{@code
   * List<Event> batch = records.stream().map(r -> (Event) new MapEvent(r)).toList();
   * engine.matchBatch(batch, ctx, (i, rule) -> alert(batch.get(i), rule));
   * }</pre>
   */
  public void matchBatch(List<? extends Event> events, MatchContext ctx, BatchSink sink) {
    if (ctx.engine != this) {
      throw new IllegalArgumentException("the context belongs to another engine");
    }
    IndexedSink forward = ctx.indexedSink;
    forward.target = sink;
    try {
      int n = events.size();
      int i = 0;
      for (; i + 4 <= n; i += 4) {
        Event a = events.get(i);
        Event b = events.get(i + 1);
        Event c = events.get(i + 2);
        Event d = events.get(i + 3);
        ctx.prefetched = EventPrefetch.touch(a, b, c, d);
        matchAt(i, a, ctx, forward);
        matchAt(i + 1, b, ctx, forward);
        matchAt(i + 2, c, ctx, forward);
        matchAt(i + 3, d, ctx, forward);
      }
      for (; i < n; i++) {
        matchAt(i, events.get(i), ctx, forward);
      }
    } finally {
      forward.target = null;
    }
  }

  private void matchAt(int index, Event event, MatchContext ctx, IndexedSink forward) {
    forward.index = index;
    match(event, ctx, forward);
  }

  public List<SigmaRule> match(Event event, MatchContext ctx) {
    List<SigmaRule> out = new ArrayList<>(2);
    match(event, ctx, out::add);
    return out;
  }

  /** Reads one listed field; {@code f} is its index, null when no rule reads it. */
  void visitField(String name, Object value, FieldIndex f, MatchContext ctx) {
    boolean scanned = false;
    if (f != null && ctx.firstVisit(f.number) && ctx.opens(gates[f.number])) {
      if (ctx.openKeywordSet != 0) {
        scanned = f.valueAndKeywords(value, ctx);
      } else {
        f.value(value, ctx);
      }
    }
    // Strings, most values, skip the interface tests: a failed one costs about 15 ns on JDK 17.
    boolean nested = !(value instanceof String) && (value instanceof Map || value instanceof List);
    if (ctx.openKeywordCount > 0 && !scanned) {
      if (nested) {
        MapEvent.forEachScalarIn(value, ctx.keywordVisitor);
      } else if (value != null) {
        visitKeywordValue(value, ctx);
      }
    }
    if (nested && value instanceof Map) {
      FieldIndex[] dotted = dottedByFirstSegment.get(name);
      if (dotted != null) {
        for (FieldIndex d : dotted) {
          if (ctx.firstVisit(d.number) && ctx.opens(gates[d.number])) {
            Object v = ctx.event.get(d.field);
            if (v != Event.ABSENT) {
              d.value(v, ctx);
            }
          }
        }
      }
    }
  }

  /** Scans a string for the open keyword indexes, without their memo: it is being recorded. */
  void scanKeywords(String value, MatchContext ctx) {
    FieldIndex[] open = ctx.openKeywords;
    for (int i = 0, n = ctx.openKeywordCount; i < n; i++) {
      open[i].unremembered(value, ctx);
    }
  }

  void visitKeywordValue(Object value, MatchContext ctx) {
    FieldIndex[] open = ctx.openKeywords;
    for (int i = 0, n = ctx.openKeywordCount; i < n; i++) {
      open[i].scalar(value, ctx);
    }
  }


  Check check(int k) {
    return checks[k];
  }

  com.google.re2j.Matcher[] newMatchers() {
    com.google.re2j.Matcher[] m = new com.google.re2j.Matcher[regexes.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = regexes[i].matcher("");
    }
    return m;
  }

  int predicateCount() {
    return predicateCount;
  }

  int ruleCount() {
    return rules.length;
  }

  int routeWords() {
    return routes.words;
  }

  int fieldCount() {
    return fields.length + keywords.length;
  }

  int checkCount() {
    return checks.length;
  }

  int maxStack() {
    return maxStack;
  }

  /** Describes the engine to build. */
  public static final class Builder {
    /** Value memo slots per context unless {@link #valueMemo} says otherwise. */
    public static final int DEFAULT_VALUE_MEMO_SLOTS = 16384;

    private List<SigmaRule> rules = List.of();
    private LogsourceMapping logsources = LogsourceMapping.defaults();
    private int valueMemoSlots = DEFAULT_VALUE_MEMO_SLOTS;

    private Builder() {}

    /** The rules, in the order matches are reported. */
    public Builder rules(List<SigmaRule> rules) {
      this.rules = List.copyOf(rules);
      return this;
    }

    /** The logsource routing; {@link LogsourceMapping#none()} runs every rule on every event. */
    public Builder logsources(LogsourceMapping mapping) {
      this.logsources = mapping;
      return this;
    }

    /**
     * How many recent string values each {@link MatchContext} remembers, with the predicates they
     * set, so that a value seen again is not matched again (default
     * {@value #DEFAULT_VALUE_MEMO_SLOTS}; 0 turns the memo off; an engine whose fields are all
     * answered by tables read as is, or by number tables, has none whatever this says). Verdicts
     * do not depend on it; memory does: each slot costs about 160 bytes per context (2.6 MB for
     * the default) and retains one value of at most 1,024 chars, or a longer one (up to 65,536)
     * while the longer values held total at most 2^20 chars. Rounded up to a power of two. With
     * the memo comes a fixed 0.7 MB per context for its line memo ({@code LineMemo}), which
     * remembers what the long lines of multi-line values held, so that a line seen again in
     * another value (a PowerShell host application line, event after event) is not scanned again.
     *
     * <pre>{@code
     * Engine engine = Engine.builder().rules(rules).valueMemo(0).build(); // match every value afresh
     * }</pre>
     */
    public Builder valueMemo(int slots) {
      if (slots < 0 || slots > 1 << 24) {
        throw new IllegalArgumentException("valueMemo slots must be between 0 and 2^24: " + slots);
      }
      int power = Integer.highestOneBit(slots);
      this.valueMemoSlots = power == slots ? slots : power << 1;
      return this;
    }

    /** Compiles the rules. */
    public Engine build() {
      return new EngineCompiler(rules, logsources, valueMemoSlots).compile();
    }
  }
}
