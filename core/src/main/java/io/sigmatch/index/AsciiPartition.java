package io.sigmatch.index;

import java.util.Arrays;
import java.util.Collection;

/**
 * The coarsest partition of the 128 ASCII chars in which every given set is a union of classes:
 * two chars share a class when no set tells them apart, so a DFA needs one column per class
 * rather than per char ({@code [a-z]+\.exe} has 6 classes, not 128). Classes are numbered by
 * their smallest char.
 *
 * <p>Time: O(128 · sets) to build.
 */
final class AsciiPartition {
    private final byte[] classOf;
    private final int count;

    private AsciiPartition(byte[] classOf, int count) {
        this.classOf = classOf;
        this.count = count;
    }

    static AsciiPartition of(Collection<AsciiSet> sets) {
        int[] classes = new int[AsciiSet.SIZE];
        int count = 1;
        for (AsciiSet set : sets) {
            int[] split = new int[count * 2];
            Arrays.fill(split, -1);
            int next = 0;
            for (int c = 0; c < AsciiSet.SIZE; c++) {
                int key = classes[c] * 2 + (set.contains(c) ? 1 : 0);
                if (split[key] < 0) {
                    split[key] = next++;
                }
                classes[c] = split[key];
            }
            count = next;
        }
        byte[] classOf = new byte[AsciiSet.SIZE];
        for (int c = 0; c < AsciiSet.SIZE; c++) {
            classOf[c] = (byte) classes[c];
        }
        return new AsciiPartition(classOf, count);
    }

    int count() {
        return count;
    }

    /** The smallest char of class {@code k}: any member stands for all of them. */
    int representative(int k) {
        for (int c = 0; c < AsciiSet.SIZE; c++) {
            if (classOf[c] == k) {
                return c;
            }
        }
        throw new IllegalArgumentException("no class " + k);
    }

    /** The class of each ASCII char, indexed by the char; a copy. */
    byte[] table() {
        return classOf.clone();
    }
}
