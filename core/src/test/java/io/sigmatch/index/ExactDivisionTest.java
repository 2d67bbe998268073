package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactDivisionTest {
  @Test
  void agreesWithIntegerDivisionAcrossDivisorsAndTheWholeNonNegativeRange() {
    SplittableRandom random = new SplittableRandom(42);
    int[] divisors = new int[600];
    for (int i = 0; i < 300; i++) {
      divisors[i] = i + 1;
    }
    for (int i = 300; i < divisors.length; i++) {
      divisors[i] = random.nextInt(1, Integer.MAX_VALUE);
    }
    for (int d : divisors) {
      ExactDivision division = new ExactDivision(d);
      for (int n : new int[] {0, 1, d - 1, d, d + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1}) {
        if (n >= 0) {
          assertEquals(n / d, division.divide(n), n + " / " + d);
        }
      }
      for (int i = 0; i < 2_000; i++) {
        long q = random.nextLong(0, Integer.MAX_VALUE / d + 1L);
        int n = (int) Math.min(Integer.MAX_VALUE, q * d + random.nextInt(-1, 2));
        if (n >= 0) {
          assertEquals(n / d, division.divide(n), n + " / " + d);
        }
      }
    }
  }

  @Test
  void rejectsANonPositiveDivisor() {
    assertThrows(IllegalArgumentException.class, () -> new ExactDivision(0));
  }
}
