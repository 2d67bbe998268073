package io.sigmatch.bench;

import io.sigmatch.index.NeedleAutomaton;
import io.sigmatch.index.NeedleAutomatonBuilder;
import io.sigmatch.rule.DetectionItem;
import io.sigmatch.rule.Search;
import io.sigmatch.rule.SigmaRule;
import io.sigmatch.rule.ValueMatcher;
import io.sigmatch.value.CaseFold;
import io.sigmatch.value.SigmaPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.ahocorasick.trie.Trie;
import org.ahocorasick.trie.handler.EmitHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The needle automaton the engine scans with ({@link NeedleAutomaton}, a dense transition table
 * over pre-folded text) against org.ahocorasick, its test oracle, on the same needles and texts:
 * the {@code contains} needles of every active rule for one field (or all keyword needles), over
 * every string value of the first 2,000 events of the OTRF sample. One operation scans all texts
 * once; the setup prints the number of chars, so ns/char = time per op / chars.
 *
 * <ul>
 *   <li>{@code dense}: what the engine does per value, texts folded beforehand;
 *   <li>{@code ahocorasickIgnoreCase}: org.ahocorasick with {@code ignoreCase()} on the raw text
 *       (it lower-cases each text and reports each hit as an Emit object);
 *   <li>{@code ahocorasickFolded}: org.ahocorasick without ignoreCase on the folded texts.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AutomatonBenchmark {
  private static final int EVENTS = 2_000;

  /** Whose needles: the {@code contains} values of rules for this field, or {@code keywords}. */
  @Param({"CommandLine", "keywords"})
  public String needles;

  private NeedleAutomaton dense;
  private Trie ignoreCase;
  private Trie folded;
  private String[] texts;
  private char[][] foldedChars;
  private String[] foldedTexts;
  private long hits;
  private final IntConsumer denseSink = payload -> hits++;
  private final EmitHandler emitSink = emit -> {
    hits++;
    return true;
  };

  @Setup
  public void setUp() {
    Set<String> words = new LinkedHashSet<>();
    for (SigmaRule rule : RuleSubsets.all()) {
      for (Search search : rule.detection().searches().values()) {
        collect(search, words);
      }
    }
    NeedleAutomatonBuilder builder = new NeedleAutomatonBuilder();
    Trie.TrieBuilder ignoring = Trie.builder().ignoreCase();
    Trie.TrieBuilder exact = Trie.builder();
    int payload = 0;
    for (String w : words) {
      builder.add(w, payload++);
      ignoring.addKeyword(w);
      exact.addKeyword(w);
    }
    dense = builder.build();
    ignoreCase = ignoring.build();
    folded = exact.build();
    List<String> values = new ArrayList<>();
    List<Map<String, Object>> sample = EventSamples.named("otrf");
    for (Map<String, Object> event : sample.subList(0, Math.min(EVENTS, sample.size()))) {
      for (Object v : event.values()) {
        if (v instanceof String s) {
          values.add(s);
        }
      }
    }
    texts = values.toArray(new String[0]);
    foldedTexts = values.stream().map(CaseFold::fold).toArray(String[]::new);
    foldedChars = new char[foldedTexts.length][];
    long chars = 0;
    for (int i = 0; i < foldedTexts.length; i++) {
      foldedChars[i] = foldedTexts[i].toCharArray();
      chars += texts[i].length();
    }
    long denseHits = dense();
    if (ahocorasickIgnoreCase() != denseHits || ahocorasickFolded() != denseHits) {
      throw new IllegalStateException("the automata disagree on the number of needle occurrences");
    }
    System.out.printf("[sigmatch-bench] %s: %d needles, %d states; %d texts, %d chars, %d occurrences%n", needles,
        words.size(), dense.stateCount(), texts.length, chars, denseHits);
  }

  private void collect(Search search, Set<String> out) {
    if (search instanceof Search.AnyOf any) {
      any.alternatives().forEach(s -> collect(s, out));
      return;
    }
    for (DetectionItem item : ((Search.AllOf) search).items()) {
      boolean wanted = needles.equals("keywords") ? item.isKeyword() : needles.equals(item.field());
      if (wanted) {
        for (ValueMatcher m : item.values()) {
          if (m instanceof ValueMatcher.Text t && !t.cased() && t.pattern().shape() == SigmaPattern.Shape.CONTAINS
              && !t.pattern().core().isEmpty()) {
            out.add(CaseFold.fold(t.pattern().core()));
          }
        }
      }
    }
  }

  @Benchmark
  public long dense() {
    hits = 0;
    for (char[] text : foldedChars) {
      dense.matchNeedles(text, text.length, denseSink);
    }
    return hits;
  }

  @Benchmark
  public long ahocorasickIgnoreCase() {
    hits = 0;
    for (String text : texts) {
      ignoreCase.parseText(text, emitSink);
    }
    return hits;
  }

  @Benchmark
  public long ahocorasickFolded() {
    hits = 0;
    for (String text : foldedTexts) {
      folded.parseText(text, emitSink);
    }
    return hits;
  }
}
