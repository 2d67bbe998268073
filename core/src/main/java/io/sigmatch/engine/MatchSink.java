package io.sigmatch.engine;

import io.sigmatch.rule.SigmaRule;

/**
 * Receives the rules an event matches, in load order, on the matching thread. Keep it cheap:
 * it runs inside {@link Engine#match(io.sigmatch.event.Event, MatchContext, MatchSink)}.
 *
 * <pre>{@code
 * engine.match(event, ctx, rule -> alerts.add(rule.id() + " by " + rule.author()));
 * }</pre>
 */
@FunctionalInterface
public interface MatchSink {
  void matched(SigmaRule rule);
}
