package io.sigmatch.rule;

import io.sigmatch.index.CidrTrie;
import java.util.Arrays;

/**
 * The {@code cidr} modifier: an IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code fe80::/10}; a
 * bare address is a /32 or /128). Host bits set reject the rule, as in pySigma (semantics D23).
 */
final class CidrValues {
  private CidrValues() {}

  static ValueMatcher network(String text, String path) throws RuleRejection {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] scratch = new byte[16];
    int family = CidrTrie.parseAddress(address, scratch);
    if (family == 0) {
      throw new RuleRejection(path, "'" + text + "' is not a valid cidr network (IPv4 or IPv6 address, optional /prefix)");
    }
    int bits = family * 8;
    int prefix = bits;
    if (slash >= 0) {
      String len = text.substring(slash + 1);
      if (!len.matches("[0-9]{1,3}") || Integer.parseInt(len) > bits) {
        throw new RuleRejection(path, "'" + text + "' has an invalid prefix length (0 to " + bits + ")");
      }
      prefix = Integer.parseInt(len);
    }
    byte[] net = Arrays.copyOf(scratch, family);
    for (int bit = prefix; bit < bits; bit++) {
      if ((net[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        throw new RuleRejection(path, "'" + text + "' has host bits set; the network is written "
            + "with zeros after the first " + prefix + " bits");
      }
    }
    return new ValueMatcher.Cidr(text, net, prefix);
  }
}
