package io.sigmatch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random keys and values over a tiny alphabet, so that randomized tests hit often, with occasional
 * non-ASCII chars: a few fixed ones (so that they too repeat), surrogate pairs sharing a high
 * surrogate, lone surrogates, and any UTF-16 code unit at all.
 */
final class RandomStrings {
    static final String SMALL_ALPHABET = "ab\\.";
    private static final List<String> RARE_PIECES =
            List.of("é", "ж", "\uD83D\uDE00", "\uD83D\uDE01", "\uD83D", "\uDE00", "\u0130");

    private RandomStrings() {
    }

    static String next(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            int roll = random.nextInt(100);
            if (roll < 90) {
                text.append(SMALL_ALPHABET.charAt(random.nextInt(SMALL_ALPHABET.length())));
            } else if (roll < 97) {
                text.append(RARE_PIECES.get(random.nextInt(RARE_PIECES.size())));
            } else {
                text.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
        }
        return text.toString();
    }

    /** A value that often contains, starts or ends with one of {@code keys}. */
    static String valueAround(Random random, List<String> keys, int maxLength) {
        if (keys.isEmpty() || random.nextInt(4) == 0) {
            return next(random, maxLength);
        }
        String key = keys.get(random.nextInt(keys.size()));
        return switch (random.nextInt(4)) {
            case 0 -> key;
            case 1 -> key + next(random, maxLength / 2);
            case 2 -> next(random, maxLength / 2) + key;
            default -> next(random, maxLength / 2) + key + next(random, maxLength / 2);
        };
    }

    /** A key with its payload, as added to a builder. */
    record Keyed(String key, int payload) {
    }

    /**
     * Up to {@code maxCount} keyed strings, with repeated keys under new payloads, repeated pairs,
     * and payloads shared between keys.
     */
    static List<Keyed> keyedStrings(Random random, int maxCount, int maxLength) {
        List<Keyed> keyed = new ArrayList<>();
        int count = random.nextInt(maxCount + 1);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(10);
            if (roll == 0 && !keyed.isEmpty()) {
                keyed.add(keyed.get(random.nextInt(keyed.size())));
            } else if (roll == 1 && !keyed.isEmpty()) {
                keyed.add(new Keyed(keyed.get(random.nextInt(keyed.size())).key(), random.nextInt(3 * maxCount)));
            } else {
                keyed.add(new Keyed(next(random, maxLength), random.nextInt(3 * maxCount)));
            }
        }
        return keyed;
    }

    static List<String> keys(List<Keyed> keyed) {
        List<String> keys = new ArrayList<>();
        for (Keyed k : keyed) {
            keys.add(k.key());
        }
        return keys;
    }
}
