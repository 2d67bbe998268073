package io.sigmatch.engine;

import io.sigmatch.rule.SigmaRule;

/**
 * Receives the rules each event of a batch matches: the event's position in the batch, then the
 * rule; events in batch order, each event's rules in load order, on the matching thread. Keep it
 * cheap: it runs inside {@link Engine#matchBatch}.
 *
 * <pre>{@code
 * engine.matchBatch(events, ctx, (i, rule) -> alerts.add(events.get(i), rule));
 * }</pre>
 */
@FunctionalInterface
public interface BatchSink {
  void matched(int index, SigmaRule rule);
}
