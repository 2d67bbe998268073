package io.sigmatch.properties;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The test side's reading of the encoding modifiers (semantics §4.2, D12, D13): the bytes of
 * {@code wide}/{@code utf16le}/{@code utf16be}/{@code utf16}, Base64, and event text that carries
 * an encoded value.
 */
final class Encoded {
  private Encoded() {}

  static byte[] bytes(String text, List<String> modifiers) {
    if (modifiers.contains("wide") || modifiers.contains("utf16le")) {
      return text.getBytes(StandardCharsets.UTF_16LE);
    }
    if (modifiers.contains("utf16be")) {
      return text.getBytes(StandardCharsets.UTF_16BE);
    }
    if (modifiers.contains("utf16")) {
      byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
      byte[] out = new byte[le.length + 2];
      out[0] = (byte) 0xFF;
      out[1] = (byte) 0xFE;
      System.arraycopy(le, 0, out, 2, le.length);
      return out;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /**
   * The three base64offset fragments, computed from what they mean: the characters of
   * {@code b64(k filler bytes + value + tail)} whose 6 bits all come from the value.
   */
  static List<String> offsets(byte[] value) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      String a = b64(concat(fill(k, (byte) 0x00), value, fill(2, (byte) 0x00)));
      int first = (k * 8 + 5) / 6;
      int last = ((k + value.length) * 8) / 6;
      out.add(first < last ? a.substring(first, last) : "");
    }
    return out;
  }

  private static byte[] fill(int n, byte b) {
    byte[] out = new byte[n];
    java.util.Arrays.fill(out, b);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** Base64 of the value with 0–5 random bytes before and after: contains one of the offsets. */
  static Gen<String> embedded(byte[] value) {
    Gen<byte[]> pad = Gen.bytes(0, 5);
    return Gen.combine(pad, pad, (before, after) -> b64(concat(before, value, after)));
  }
}
