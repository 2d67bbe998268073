package io.sigmatch.engine;

import io.sigmatch.rule.SigmaRule;

/** A context's adapter from one event's matches to a {@link BatchSink}, reused event after event. */
final class IndexedSink implements MatchSink {
  BatchSink target;
  int index;

  @Override
  public void matched(SigmaRule rule) {
    target.matched(index, rule);
  }
}
