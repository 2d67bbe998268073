package io.sigmatch.rule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The byte encodings and Base64 forms of the encoding modifiers (semantics §4.2, D12, D13). */
final class Encodings {
  private Encodings() {}

  static byte[] utf16le(String text) {
    return text.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] utf16be(String text) {
    return text.getBytes(StandardCharsets.UTF_16BE);
  }

  /** Byte-order mark FF FE, then UTF-16LE, as the specification says (pySigma writes EF BB BF). */
  static byte[] utf16WithBom(String text) {
    byte[] body = utf16le(text);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The three Base64 fragments of {@code bytes} at the three byte alignments, without the
   * characters that depend on the surrounding bytes. Lengths are counted in bytes.
   */
  static List<String> base64Offsets(byte[] bytes) {
    int[] startDrop = {0, 2, 3};
    int[] endDrop = {0, 3, 2};
    List<String> out = new ArrayList<>(3);
    for (int shift = 0; shift < 3; shift++) {
      byte[] padded = new byte[bytes.length + shift];
      for (int k = 0; k < shift; k++) {
        padded[k] = ' ';
      }
      System.arraycopy(bytes, 0, padded, shift, bytes.length);
      String encoded = base64(padded);
      int end = encoded.length() - endDrop[(bytes.length + shift) % 3];
      int start = startDrop[shift];
      out.add(end > start ? encoded.substring(start, end) : "");
    }
    return out;
  }
}
