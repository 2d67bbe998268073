package io.sigmatch.index;

import static io.sigmatch.index.Reports.setOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CidrTrieTest {

    private record Network(byte[] address, int prefixLength, int payload) {
        @Override
        public String toString() {
            return Arrays.toString(address) + "/" + prefixLength + "=" + payload;
        }
    }

    private static byte[] address(String text) {
        byte[] scratch = new byte[16];
        int length = CidrTrie.parseAddress(text, scratch);
        if (length == 0) {
            throw new IllegalArgumentException("not an address: " + text);
        }
        return Arrays.copyOf(scratch, length);
    }

    private static SortedSet<Integer> networks(CidrTrie trie, String address) {
        return Reports.set(out -> trie.matchAddress(address(address), out));
    }

    @Test
    void ipv4SlashZeroContainsEveryIpv4AddressAndNoIpv6One() {
        CidrTrie trie = new CidrTrieBuilder().add(address("0.0.0.0"), 0, 1).build();
        assertEquals(setOf(1), networks(trie, "0.0.0.0"));
        assertEquals(setOf(1), networks(trie, "255.255.255.255"));
        assertEquals(setOf(), networks(trie, "::"));
        assertEquals(setOf(), networks(trie, "::ffff:1.2.3.4"));
    }

    @Test
    void ipv4Slash32ContainsOnlyItsAddress() {
        CidrTrie trie = new CidrTrieBuilder().add(address("10.1.2.3"), 32, 1).build();
        assertEquals(setOf(1), networks(trie, "10.1.2.3"));
        assertEquals(setOf(), networks(trie, "10.1.2.2"));
        assertEquals(setOf(), networks(trie, "10.1.2.4"));
    }

    @Test
    void nestedNetworksAreAllReported() {
        CidrTrie trie = new CidrTrieBuilder()
                .add(address("10.0.0.0"), 8, 1).add(address("10.1.0.0"), 16, 2).add(address("10.1.2.0"), 24, 3)
                .add(address("192.168.0.0"), 16, 4).build();
        assertEquals(setOf(1, 2, 3), networks(trie, "10.1.2.200"));
        assertEquals(setOf(1, 2), networks(trie, "10.1.3.0"));
        assertEquals(setOf(1), networks(trie, "10.255.255.255"));
        assertEquals(setOf(), networks(trie, "11.0.0.0"));
        assertEquals(setOf(), networks(trie, "9.255.255.255"));
    }

    @Test
    void ipv6SlashZeroContainsEveryIpv6AddressAndNoIpv4One() {
        CidrTrie trie = new CidrTrieBuilder().add(address("::"), 0, 1).build();
        assertEquals(setOf(1), networks(trie, "::1"));
        assertEquals(setOf(1), networks(trie, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertEquals(setOf(1), networks(trie, "::ffff:1.2.3.4"));
        assertEquals(setOf(), networks(trie, "1.2.3.4"));
    }

    @Test
    void ipv6Slash128ContainsOnlyItsAddress() {
        CidrTrie trie = new CidrTrieBuilder().add(address("::1"), 128, 1).build();
        assertEquals(setOf(1), networks(trie, "0:0:0:0:0:0:0:1"));
        assertEquals(setOf(), networks(trie, "::"));
        assertEquals(setOf(), networks(trie, "::3"));
        assertEquals(setOf(), networks(trie, "127.0.0.1"));
    }

    @Test
    void ipv6Slash10CutsThroughAGroup() {
        CidrTrie trie = new CidrTrieBuilder().add(address("fe80::"), 10, 1).build();
        assertEquals(setOf(1), networks(trie, "fe80::1"));
        assertEquals(setOf(1), networks(trie, "FEBF:ffff::"));
        assertEquals(setOf(), networks(trie, "fec0::"));
        assertEquals(setOf(), networks(trie, "fe7f:ffff::"));
    }

    @Test
    void embeddedIpv4IsAnIpv6Address() {
        CidrTrie trie = new CidrTrieBuilder()
                .add(address("10.0.0.0"), 8, 1).add(address("::ffff:0:0"), 96, 2).add(address("::ffff:10.0.0.0"), 104, 3)
                .build();
        assertEquals(setOf(2, 3), networks(trie, "::ffff:10.1.2.3"));
        assertEquals(setOf(2), networks(trie, "::ffff:11.1.2.3"));
        assertEquals(setOf(1), networks(trie, "10.1.2.3"));
        assertEquals(setOf(), networks(trie, "::10.1.2.3"));
    }

    @Test
    void bitsAfterThePrefixAreIgnored() {
        CidrTrie trie = new CidrTrieBuilder().add(address("192.168.1.77"), 24, 1).build();
        assertEquals(setOf(1), networks(trie, "192.168.1.5"));
    }

    @Test
    void repeatedNetworkCarriesEachPayloadOnce() {
        CidrTrie trie = new CidrTrieBuilder()
                .add(address("10.0.0.0"), 8, 1).add(address("10.0.0.0"), 8, 2).add(address("10.9.9.9"), 8, 1).build();
        assertEquals(List.of(1, 2), Reports.list(out -> trie.matchAddress(address("10.0.0.1"), out)));
    }

    @Test
    void matchesAnAddressParsedIntoScratchSpace() {
        CidrTrie trie = new CidrTrieBuilder().add(address("10.0.0.0"), 8, 1).add(address("2001:db8::"), 32, 2).build();
        byte[] scratch = new byte[16];
        int length = CidrTrie.parseAddress("10.2.3.4", scratch);
        assertEquals(setOf(1), Reports.set(out -> trie.matchAddress(scratch, length, out)));
        int length6 = CidrTrie.parseAddress("2001:DB8::10.2.3.4", scratch);
        assertEquals(setOf(2), Reports.set(out -> trie.matchAddress(scratch, length6, out)));
    }

    @Test
    void rejectsBadLengthsPrefixesAndPayloads() {
        CidrTrieBuilder builder = new CidrTrieBuilder();
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[5], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[4], 33, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[4], -1, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[16], 129, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new byte[16], 64, -1));
        CidrTrie trie = builder.build();
        assertThrows(IllegalArgumentException.class, () -> trie.matchAddress(new byte[5], out -> { }));
        assertThrows(IllegalArgumentException.class, () -> trie.matchAddress(new byte[16], 8, out -> { }));
    }

    /** The oracle: same family, and the first prefixLength bits equal. */
    private static boolean contains(Network network, byte[] address) {
        if (network.address().length != address.length) {
            return false;
        }
        int fullBytes = network.prefixLength() / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (network.address()[i] != address[i]) {
                return false;
            }
        }
        int restBits = network.prefixLength() % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (network.address()[fullBytes] & mask) == (address[fullBytes] & mask);
    }

    /** Mostly variations of a few base addresses, so that networks nest and addresses hit them. */
    private static byte[] randomAddress(Random random, List<byte[]> bases) {
        byte[] address = bases.get(random.nextInt(bases.size())).clone();
        int keepBits = random.nextInt(8 * address.length + 1);
        for (int bit = keepBits; bit < 8 * address.length; bit++) {
            if (random.nextBoolean()) {
                address[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            }
        }
        return address;
    }

    @Test
    void agreesWithBitComparisonOnRandomNetworks() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            List<byte[]> bases = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                byte[] v4 = new byte[4];
                random.nextBytes(v4);
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(v4, 0, mapped, 12, 4);
                byte[] v6 = new byte[16];
                random.nextBytes(v6);
                bases.add(v4);
                bases.add(mapped);
                bases.add(v6);
            }
            List<Network> networks = new ArrayList<>();
            CidrTrieBuilder builder = new CidrTrieBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                byte[] base = randomAddress(random, bases);
                Network network = random.nextInt(8) == 0 && !networks.isEmpty()
                        ? networks.get(random.nextInt(networks.size()))
                        : new Network(base, random.nextInt(8 * base.length + 1), random.nextInt(30));
                networks.add(network);
                builder.add(network.address(), network.prefixLength(), network.payload());
            }
            CidrTrie trie = builder.build();
            for (int a = 0; a < 20; a++) {
                byte[] address = randomAddress(random, bases);
                SortedSet<Integer> expected = new TreeSet<>();
                for (Network network : networks) {
                    if (contains(network, address)) {
                        expected.add(network.payload());
                    }
                }
                assertEquals(expected, Reports.set(out -> trie.matchAddress(address, out)),
                        "seed " + seed + ", networks " + networks + ", address " + Arrays.toString(address));
            }
        }
    }
}
