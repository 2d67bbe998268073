package io.sigmatch.properties;

import java.util.List;

/**
 * CIDR networks with zero host bits, addresses inside them in the text forms collectors write,
 * and near misses (a prefix bit flipped, the other family, IPv4-mapped IPv6, leading zeros,
 * brackets, zones, spaces).
 */
final class Networks {
  private Networks() {}

  /** A network: address bytes (host bits zero) and prefix length; {@code bare} writes no prefix. */
  record Network(byte[] address, int prefix, boolean bare) {
    String text() {
      return format(address, (int) (Math.abs(java.util.Arrays.hashCode(address)) % 3)) + (bare ? "" : "/" + prefix);
    }

    @Override
    public String toString() {
      return text();
    }
  }

  static Gen<Network> networks() {
    return Memo.of(() -> {
      Gen<Network> v4 = Gen.combine(bytes(4), Gen.ints(0, 32),
              Gen.ints(0, 9), (a, p, bare) -> network(a, bare == 0 ? 32 : p, bare == 0));
      Gen<Network> v6 = Gen.combine(v6Bytes(), Gen.ints(0, 128),
              Gen.ints(0, 9), (a, p, bare) -> network(a, bare == 0 ? 128 : p, bare == 0));
      Gen<Network> known = Gen.of("10.0.0.0/8", "127.0.0.0/8", "192.168.0.0/16", "0.0.0.0/0",
              "fe80::/10", "::1/128", "::/0", "2001:db8::/32", "169.254.0.0/16", "255.255.255.255/32")
          .map(Networks::parse);
      return Gen.frequency(Gen.w(3, v4), Gen.w(2, v6), Gen.w(1, known));
    }, "networks");
  }

  private static Gen<byte[]> bytes(int n) {
    return Gen.bytes(n, n);
  }

  /** IPv6 bytes with runs of zeros often, so that {@code ::} forms appear. */
  private static Gen<byte[]> v6Bytes() {
    return Gen.combine(bytes(16), Gen.ints(0, 15), Gen.ints(0, 16), (b, from, len) -> {
          for (int i = from; i < Math.min(16, from + len); i++) {
            b[i] = 0;
          }
          return b;
        });
  }

  static Network network(byte[] address, int prefix, boolean bare) {
    byte[] a = address.clone();
    for (int bit = prefix; bit < a.length * 8; bit++) {
      a[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return new Network(a, prefix, bare);
  }

  static Network parse(String text) {
    String[] parts = text.split("/");
    try {
      byte[] a = java.net.InetAddress.getByName(parts[0]).getAddress();
      return new Network(a, Integer.parseInt(parts[1]), false);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An address inside the network, as text in one of the usual forms. */
  static Gen<String> inside(Network n) {
    return Gen.combine(bytes(n.address().length), Gen.ints(0, 3), (host, form) -> {
          byte[] a = n.address().clone();
          for (int bit = n.prefix(); bit < a.length * 8; bit++) {
            int mask = 0x80 >>> (bit % 8);
            a[bit / 8] = (byte) ((a[bit / 8] & ~mask) | (host[bit / 8] & mask));
          }
          return format(a, form);
        });
  }

  /** An address that is close to the network but outside it, or not an address of its family. */
  static Gen<String> outside(Network n) {
    return Gen.combine(inside(n), Gen.ints(0, 6), Gen.ints(0, 127), (in, how, bit) -> {
          byte[] a = n.address().clone();
          return switch (how) {
            case 0 -> {
              if (n.prefix() == 0) {
                yield in + " ";
              }
              int b = bit % n.prefix();
              a[b / 8] ^= (byte) (0x80 >>> (b % 8));
              yield format(a, bit % 3);
            }
            case 1 -> a.length == 4 ? "::ffff:" + in : "10.0.0.1";
            case 2 -> a.length == 4 ? "0" + in : "[" + in + "]";
            case 3 -> in + "%eth0";
            case 4 -> " " + in;
            case 5 -> in + "/" + n.prefix();
            default -> in.replace('.', ',');
          };
        });
  }

  /**
   * Text of an address. IPv4: dotted quad. IPv6: form 0 full, 1 compressed lower case,
   * 2 compressed upper case, 3 with a dotted-quad tail.
   */
  static String format(byte[] a, int form) {
    if (a.length == 4) {
      return (a[0] & 255) + "." + (a[1] & 255) + "." + (a[2] & 255) + "." + (a[3] & 255);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((a[2 * i] & 255) << 8) | (a[2 * i + 1] & 255);
    }
    if (form == 0) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        b.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
      }
      return b.toString();
    }
    if (form == 3) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        b.append(Integer.toHexString(groups[i])).append(':');
      }
      return b + ((a[12] & 255) + "." + (a[13] & 255) + "." + (a[14] & 255) + "." + (a[15] & 255));
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(groups[i]));
    }
    String s = b.toString();
    return form == 2 ? s.toUpperCase(java.util.Locale.ROOT) : s;
  }

  /** Whether the address bytes lie inside the network (test-side oracle). */
  static boolean contains(Network n, byte[] address) {
    if (address.length != n.address().length) {
      return false;
    }
    for (int bit = 0; bit < n.prefix(); bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((address[bit / 8] & mask) != (n.address()[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  static final List<String> IP_FIELDS = List.of("DestinationIp", "SourceIp", "IpAddress", "destination.ip");
}
