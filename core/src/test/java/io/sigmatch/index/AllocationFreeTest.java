package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** Checks, with the JVM's per-thread allocation counter, that the match paths allocate nothing. */
class AllocationFreeTest {
    private static final int WARM_UP_CALLS = 20_000;
    private static final int MEASURED_CALLS = 10_000;
    /** Far below one allocation per call, yet above the counter's own noise. */
    private static final long TOLERATED_BYTES = 1_024;

    /** Sums what it is given, so that reports are used without being stored. */
    private static final class Sum implements IntConsumer, NeedleAutomaton.HitSink {
        long total;

        @Override
        public void accept(int payload) {
            total += payload;
        }

        @Override
        public void hit(int payload, int endExclusive) {
            total += payload + endExclusive;
        }
    }

    private static long allocatedBytes(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            call.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED_CALLS; i++) {
            call.run();
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static void assertAllocationFree(String what, Runnable call) {
        long bytes = allocatedBytes(call);
        assertTrue(bytes < TOLERATED_BYTES, what + " allocated " + bytes + " bytes in " + MEASURED_CALLS + " calls");
    }

    @Test
    void matchPathsAllocateNothing() {
        Sum sum = new Sum();
        String value = "c:\\windows\\system32\\cmd.exe /c whoami \uD83D\uDE00 é";

        PrefixTrie prefixes = new PrefixTrieBuilder().add("", 1).add("c:\\windows\\", 2).add("c:\\", 3).build();
        assertAllocationFree("PrefixTrie", () -> prefixes.matchPrefixes(value, sum));

        SuffixTrie suffixes = new SuffixTrieBuilder().add("", 1).add("é", 2).add(" é", 3).build();
        assertAllocationFree("SuffixTrie", () -> suffixes.matchSuffixes(value, sum));

        NeedleAutomaton needles = new NeedleAutomatonBuilder().maxDenseTableBytes(400)
                .add("", 1).add("cmd.exe", 2).add("whoami", 3).add("\uDE00 é", 4).add("system32\\cmd", 5).build();
        assertAllocationFree("NeedleAutomaton.matchNeedles", () -> needles.matchNeedles(value, sum));
        assertAllocationFree("NeedleAutomaton.scan", () -> needles.scan(value, sum));

        byte[] scratch = new byte[16];
        CidrTrie networks = new CidrTrieBuilder().add(new byte[4], 0, 1).add(new byte[] {10, 0, 0, 0}, 8, 2)
                .add(new byte[16], 0, 3).build();
        assertAllocationFree("CidrTrie", () -> {
            networks.matchAddress(scratch, CidrTrie.parseAddress("10.1.2.3", scratch), sum);
            networks.matchAddress(scratch, CidrTrie.parseAddress("2001:db8::ffff:10.1.2.3", scratch), sum);
        });

        BigDecimal number = new BigDecimal("42.50");
        NumericThresholds thresholds = new NumericThresholdsBuilder().add(new BigDecimal("42.5"), Comparison.GTE, 1)
                .add(BigDecimal.TEN, Comparison.GT, 2).add(new BigDecimal("100"), Comparison.LT, 3)
                .add(BigDecimal.ONE, Comparison.LTE, 4).build();
        assertAllocationFree("NumericThresholds", () -> thresholds.match(number, sum));

        assertTrue(sum.total != 0, "reports reached the consumer");
    }
}
