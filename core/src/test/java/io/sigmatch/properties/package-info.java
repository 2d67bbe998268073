/**
 * Property-based tests (jqwik): the compiled engine against the reference evaluator on generated
 * rules and events, plus invariants of both and of the index structures.
 *
 * <h2>Running</h2>
 *
 * <pre>
 * mvn -pl core test                                          # whole core suite, 1000 tries per property
 * mvn -pl core test -Dtest='io.sigmatch.properties.*Test'    # the property tests only
 * mvn -pl core test -Dtest='io.sigmatch.properties.*Test' -Dsigmatch.soak=true   # soak: 100,000 tries each
 * mvn -pl core test -Dtest='io.sigmatch.properties.*Test' -Djqwik.tries.default=5000  # any other number
 * </pre>
 *
 * <p>The number of tries comes from the JUnit configuration parameter {@code jqwik.tries.default}:
 * the core pom sets it as a system property of the test JVM, 1000 by default (CI) and 100,000
 * when {@code -Dsigmatch.soak=true} activates the {@code soak} profile; a {@code -Djqwik.tries.default=N}
 * on the Maven command line wins over both. {@code src/test/resources/junit-platform.properties}
 * holds the other jqwik settings (and 1000 tries for IDE runs). Coverage checks (at least 20% of
 * generated events match some rule) apply from 100 tries up. At 1000 tries the property tests take
 * about three minutes on a 2-core machine (the whole core suite about four), so a soak run takes
 * several hours; run it on a quiet machine.
 *
 * <h2>Failures</h2>
 *
 * <p>A falsified property prints its seed and sample. Rules and events are generated from jqwik's
 * {@link java.util.Random} ({@link io.sigmatch.properties.Gen}), so the seed reproduces the run:
 * put it in {@code @Property(seed = "...")} while debugging (a fixed seed is reported as a warning,
 * so it is not committed by accident). jqwik does not shrink these samples; instead the printed
 * sample of a differential property starts with a reduced counterexample: rules that do not matter
 * are dropped, the remaining rule is simplified ({@link io.sigmatch.properties.RuleMinimizer}) and
 * event fields are removed while the two engines still disagree. Copy it into
 * {@link io.sigmatch.properties.ShrunkCounterexamplesTest}, asserting the verdict the semantics note
 * gives, for both engines. Failed samples are stored in {@code core/target/jqwik-database} and
 * replayed first by the next local run ({@code SAMPLE_FIRST}); CI starts from a fresh clone, so it
 * never replays one silently, and {@code mvn clean} forgets them.
 *
 * <h2>Mutation testing (PIT)</h2>
 *
 * <pre>
 * mvn -pl core test-compile org.pitest:pitest-maven:mutationCoverage
 * </pre>
 *
 * <p>The core pom configures {@code pitest-maven}: engine and index classes mutated, these
 * properties among the tests, and {@code -Djqwik.tries.default=200} in its {@code <jvmArgs>}
 * (a {@code -D} on the Maven command line does not reach PIT's minion JVMs, and every mutant
 * reruns the properties). PIT reaches jqwik through the JUnit Platform
 * ({@code pitest-junit5-plugin}). Coverage checks stay on from 100 tries up.
 *
 * <h2>What is generated</h2>
 *
 * <ul>
 *   <li>{@link io.sigmatch.properties.SigmaValues}: Sigma strings with {@code *}, {@code ?},
 *       escapes, lone and trailing backslashes, empty and long values, non-ASCII letters whose case
 *       mapping is special (ß, ẞ, İ, ı, ﬁ, the Kelvin sign, ſ, final sigma), numbers, booleans, null;
 *   <li>{@link io.sigmatch.properties.ModifierChains}: every modifier family and legal chain of
 *       §4.3, and chains that must be rejected;
 *   <li>{@link io.sigmatch.properties.DetectionItems}: items of each family with derived hits and
 *       near misses ({@link io.sigmatch.properties.Networks} for cidr,
 *       {@link io.sigmatch.properties.Regexes} for re, {@link io.sigmatch.properties.Encoded} for
 *       the encodings, {@link io.sigmatch.properties.EventValues} for numbers, booleans and dates);
 *   <li>{@link io.sigmatch.properties.Searches}, {@link io.sigmatch.properties.Conditions},
 *       {@link io.sigmatch.properties.Rules}, {@link io.sigmatch.properties.RuleSets}: maps, lists
 *       of maps, keyword lists, conditions with and/or/not, parentheses and selectors, rules with
 *       routed and unmapped logsources printed as YAML, sets of 1–200 rules;
 *   <li>{@link io.sigmatch.properties.DerivedEvents}: events aimed at a rule (a satisfying truth
 *       assignment of its identifiers, hit values for true ones, near misses for false ones, routing
 *       fields, noise, nested dotted names).
 * </ul>
 */
package io.sigmatch.properties;
