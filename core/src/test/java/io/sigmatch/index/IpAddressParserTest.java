package io.sigmatch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link CidrTrie#parseAddress}. {@link InetAddress#getByName} gives the expected bytes, but
 * only for texts known to be address literals: given anything else it would try DNS.
 */
class IpAddressParserTest {

    /** RFC 3986's IPv4address and IPv6address rules, an independent reading of what is valid. */
    private static final Pattern RFC_3986_ADDRESS;

    static {
        String dec = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])";
        String v4 = dec + "\\." + dec + "\\." + dec + "\\." + dec;
        String h16 = "[0-9A-Fa-f]{1,4}";
        String ls32 = "(?:" + h16 + ":" + h16 + "|" + v4 + ")";
        String v6 = String.join("|",
                "(?:" + h16 + ":){6}" + ls32,
                "::(?:" + h16 + ":){5}" + ls32,
                "(?:" + h16 + ")?::(?:" + h16 + ":){4}" + ls32,
                "(?:(?:" + h16 + ":){0,1}" + h16 + ")?::(?:" + h16 + ":){3}" + ls32,
                "(?:(?:" + h16 + ":){0,2}" + h16 + ")?::(?:" + h16 + ":){2}" + ls32,
                "(?:(?:" + h16 + ":){0,3}" + h16 + ")?::" + h16 + ":" + ls32,
                "(?:(?:" + h16 + ":){0,4}" + h16 + ")?::" + ls32,
                "(?:(?:" + h16 + ":){0,5}" + h16 + ")?::" + h16,
                "(?:(?:" + h16 + ":){0,6}" + h16 + ")?::");
        RFC_3986_ADDRESS = Pattern.compile(v4 + "|" + v6);
    }

    private static final byte[] NOT_PARSED = new byte[0];

    private static byte[] parse(String text) {
        byte[] scratch = new byte[16];
        int length = CidrTrie.parseAddress(text, scratch);
        return length == 0 ? NOT_PARSED : Arrays.copyOf(scratch, length);
    }

    /**
     * The bytes InetAddress gives a literal, as 16 bytes for IPv6 even where InetAddress turns an
     * IPv4-mapped address ({@code ::ffff:a.b.c.d}) into an IPv4 one.
     */
    private static byte[] inetAddressBytes(String literal, boolean ipv6) {
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("InetAddress rejects " + literal, e);
        }
        if (ipv6 && bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static void assertParsedAsInetAddressDoes(String literal, String context) {
        assertArrayEquals(inetAddressBytes(literal, literal.indexOf(':') >= 0), parse(literal), context);
    }

    @Test
    void parsesValidForms() {
        for (String literal : List.of("0.0.0.0", "255.255.255.255", "10.0.0.1", "192.168.100.200", "1.2.3.4",
                "::", "::1", "1::", "1:2:3:4:5:6:7:8", "2001:DB8::ff00:42:8329", "2001:db8:0:0:1:0:0:1",
                "fe80::1:2", "::ffff:1.2.3.4", "::1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1::1.2.3.4",
                "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "0000:0000:0000:0000:0000:0000:0000:0001", "aBcD::EfEf",
                "::ffff:0.0.0.0", "1:2:3:4:5::255.255.255.255")) {
            assertParsedAsInetAddressDoes(literal, literal);
        }
        assertEquals(4, CidrTrie.parseAddress("1.2.3.4", new byte[16]));
        assertEquals(16, CidrTrie.parseAddress("::ffff:1.2.3.4", new byte[16]));
    }

    @Test
    void rejectsInvalidForms() {
        for (String text : List.of("", " ", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3.4", "256.1.1.1", "1.2.3.-1",
                "010.0.0.1", "1.2.3.04", "00.1.2.3", "1234.1.1.1", "1..2.3", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/8",
                "a.b.c.d", "0x1.2.3.4", "١.٢.٣.٤", ":", ":::", "1:::2", "1::2::3", ":1::", "1::2:", "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "12345::", "::00000:1", "g::1",
                "fe80::1%eth0", "fe80::1%1", "[::1]", "::1/128", "::ffff:1.2.3", "::ffff:1.2.3.256",
                "::ffff:010.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "::1.2.3.4:1", "1.2.3.4:1::",
                "::ffff:1.2.3.4.5", "::a.1.1.1", "::12345.1.1.1", "1:2:3:4:5:6::1.2.3.4")) {
            assertEquals(0, CidrTrie.parseAddress(text, new byte[16]), text);
        }
    }

    /** A valid address in one of its many text forms. */
    private static String randomLiteral(Random random, byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
        boolean ipv4Tail = random.nextInt(4) == 0;
        int groups = ipv4Tail ? 6 : 8;
        String[] parts = new String[groups];
        for (int g = 0; g < groups; g++) {
            String hex = Integer.toHexString(((address[2 * g] & 0xFF) << 8) | (address[2 * g + 1] & 0xFF));
            hex = "0".repeat(random.nextInt(5 - hex.length())) + hex;
            parts[g] = random.nextBoolean() ? hex.toUpperCase() : hex;
        }
        String tail = ipv4Tail ? (address[12] & 0xFF) + "." + (address[13] & 0xFF) + "." + (address[14] & 0xFF)
                + "." + (address[15] & 0xFF) : null;
        // Compress a random run of zero groups, at least one long, into "::" half of the time.
        int gapStart = -1;
        int gapEnd = -1;
        if (random.nextBoolean()) {
            int start = random.nextInt(groups);
            if (Integer.parseInt(parts[start], 16) == 0) {
                int end = start + 1;
                while (end < groups && Integer.parseInt(parts[end], 16) == 0 && random.nextInt(4) != 0) {
                    end++;
                }
                gapStart = start;
                gapEnd = end;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g == gapStart) {
                text.append("::");
                g = gapEnd - 1;
                continue;
            }
            if (text.length() > 0 && !text.toString().endsWith("::")) {
                text.append(':');
            }
            text.append(parts[g]);
        }
        if (tail != null) {
            if (!text.toString().endsWith("::")) {
                text.append(':');
            }
            text.append(tail);
        }
        return text.toString();
    }

    @Test
    void agreesWithInetAddressOnRandomValidAddresses() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            for (int a = 0; a < 20; a++) {
                byte[] address = new byte[random.nextBoolean() ? 4 : 16];
                random.nextBytes(address);
                // Zero runs, so that "::" has something to compress.
                for (int i = 0; i < address.length; i++) {
                    if (random.nextInt(3) == 0) {
                        address[i] = 0;
                    }
                }
                String literal = randomLiteral(random, address);
                assertArrayEquals(address, parse(literal), "seed " + seed + ", literal " + literal);
                assertParsedAsInetAddressDoes(literal, "seed " + seed + ", literal " + literal);
            }
        }
    }

    private static final List<String> PIECES = List.of("0", "1", "00", "01", "255", "256", "99", "ffff", "FfFf",
            "abcd", "12345", "0000", "00000", "g", ":", ":", ":", "::", ".", ".", "1.2.3.4", "%1", " ", "/", "[");
    private static final String MUTATIONS = ":.0129afAFg% ";

    /** Random pieces glued together, or a valid literal with a char or two inserted, removed or replaced. */
    private static String nearMiss(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            for (int p = random.nextInt(16); p > 0; p--) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            return text.toString();
        }
        byte[] address = new byte[random.nextBoolean() ? 4 : 16];
        for (int i = 0; i < address.length; i++) {
            address[i] = (byte) (random.nextBoolean() ? 0 : random.nextInt(256));
        }
        text.append(randomLiteral(random, address));
        for (int m = 1 + random.nextInt(2); m > 0 && text.length() > 0; m--) {
            int at = random.nextInt(text.length());
            char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, c);
                case 1 -> text.deleteCharAt(at);
                default -> text.setCharAt(at, c);
            }
        }
        return text.toString();
    }

    @Test
    void acceptsExactlyWhatRfc3986AcceptsOnRandomNearMisses() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            for (int t = 0; t < 40; t++) {
                String candidate = nearMiss(random);
                String context = "seed " + seed + ", text '" + candidate + "'";
                boolean valid = RFC_3986_ADDRESS.matcher(candidate).matches();
                assertEquals(valid, parse(candidate) != NOT_PARSED, context);
                if (valid) {
                    assertParsedAsInetAddressDoes(candidate, context);
                }
            }
        }
    }
}
