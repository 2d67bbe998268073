package io.sigmatch.rule;

/** Collects warnings about one document; the loader turns them into {@link Diagnostic}s. */
interface Warnings {
  void add(String path, String message);
}
