package io.sigmatch.properties;

/** In a derived field assignment: the field is left out of the event (not even {@code null}). */
enum Absent {
  ABSENT;

  @Override
  public String toString() {
    return "<absent>";
  }
}
