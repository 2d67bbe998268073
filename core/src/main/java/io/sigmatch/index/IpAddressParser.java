package io.sigmatch.index;

import java.util.Arrays;

/**
 * Strict, allocation-free parser of textual IP addresses behind {@link CidrTrie#parseAddress}.
 * IPv4 is the dotted quad only: the shorter and octal forms that {@code inet_aton} and
 * {@link java.net.InetAddress} also take ({@code 10.1}, {@code 010.0.0.1}) read differently in
 * different tools, so a rule or event using them must not silently match. IPv6 follows the text
 * forms of RFC 4291 section 2.2, which is the {@code IPv6address} grammar of RFC 3986.
 *
 * <p>Time: O(n) for a text of n chars, in one pass plus one search for a colon.
 */
final class IpAddressParser {
    private static final int IPV4_PARTS = 4;
    private static final int IPV6_GROUPS = 8;
    private static final int MAX_GROUP_DIGITS = 4;

    private IpAddressParser() {
    }

    static int parse(CharSequence s, byte[] scratch16) {
        for (int i = 0, length = s.length(); i < length; i++) {
            if (s.charAt(i) == ':') {
                return parseIpv6(s, scratch16) ? CidrTrie.IPV6_BYTES : 0;
            }
        }
        return parseIpv4(s, 0, scratch16, 0) ? CidrTrie.IPV4_BYTES : 0;
    }

    /** Parses all of {@code s} from {@code from} on as a dotted quad into {@code out[offset..offset+3]}. */
    private static boolean parseIpv4(CharSequence s, int from, byte[] out, int offset) {
        int length = s.length();
        int i = from;
        for (int part = 0; part < IPV4_PARTS; part++) {
            if (part > 0) {
                if (i == length || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < length && i - start < 3 && isDecimalDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return false;
            }
            out[offset + part] = (byte) value;
        }
        return i == length;
    }

    private static boolean parseIpv6(CharSequence s, byte[] out) {
        int length = s.length();
        int groups = 0;
        // Index of the group before which "::" stands, or -1 while none has been seen.
        int gap = -1;
        int i = 0;
        if (length >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            gap = 0;
            i = 2;
        }
        while (i < length) {
            int start = i;
            int value = 0;
            // One digit past the limit is read so that an over-long group is seen and rejected.
            while (i < length && i - start <= MAX_GROUP_DIGITS && hexValue(s.charAt(i)) >= 0) {
                value = (value << 4) | hexValue(s.charAt(i));
                i++;
            }
            if (i < length && s.charAt(i) == '.') {
                // A dotted-quad tail takes the last two groups and must end the text.
                if (groups > IPV6_GROUPS - 2 || !parseIpv4(s, start, out, 2 * groups)) {
                    return false;
                }
                groups += 2;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > MAX_GROUP_DIGITS || groups == IPV6_GROUPS) {
                return false;
            }
            out[2 * groups] = (byte) (value >>> 8);
            out[2 * groups + 1] = (byte) value;
            groups++;
            if (i == length) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < length && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = groups;
                i++;
            } else if (i == length) {
                return false;
            }
        }
        if (gap < 0) {
            return groups == IPV6_GROUPS;
        }
        if (groups == IPV6_GROUPS) {
            return false; // "::" stands for at least one group
        }
        int tailBytes = 2 * (groups - gap);
        System.arraycopy(out, 2 * gap, out, CidrTrie.IPV6_BYTES - tailBytes, tailBytes);
        Arrays.fill(out, 2 * gap, CidrTrie.IPV6_BYTES - tailBytes, (byte) 0);
        return true;
    }

    private static boolean isDecimalDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
