package io.sigmatch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** Collects what a match call reports, as a set or as a list that keeps duplicates. */
final class Reports {
    private Reports() {
    }

    static SortedSet<Integer> set(Consumer<IntConsumer> matchCall) {
        SortedSet<Integer> reported = new TreeSet<>();
        matchCall.accept(reported::add);
        return reported;
    }

    static List<Integer> list(Consumer<IntConsumer> matchCall) {
        List<Integer> reported = new ArrayList<>();
        matchCall.accept(reported::add);
        reported.sort(null);
        return reported;
    }

    static SortedSet<Integer> setOf(Integer... payloads) {
        return new TreeSet<>(List.of(payloads));
    }
}
