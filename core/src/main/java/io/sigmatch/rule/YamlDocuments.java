package io.sigmatch.rule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads the YAML documents of one file into plain Java values (LinkedHashMap, ArrayList, String,
 * {@code null}, {@link YamlNumber}, {@link YamlBoolean}, {@link YamlTimestamp}), typed like
 * PyYAML, rejecting duplicate keys.
 *
 * <p>Hostile files stay cheap: SnakeYAML limits the file size, nesting depth and alias count, and
 * the conversion below counts nodes so aliases cannot expand a small file into a huge tree.
 */
final class YamlDocuments {
  /** Over 3 times SigmaHQ's largest rule file; SnakeYAML slows down sharply on larger scalars. */
  static final int MAX_CODE_POINTS = 1024 * 1024;
  static final int MAX_DEPTH = 64;
  static final int MAX_NODES = 200_000;

  /** One document, or the reason it could not be read. */
  record Document(int index, Object tree, String errorPath, String error, String ruleId) {
    boolean failed() {
      return error != null;
    }
  }

  private YamlDocuments() {}

  /** Reads every document of {@code text}; a syntax error ends the file with a failed document. */
  static List<Document> read(String text) {
    if (text.length() > MAX_CODE_POINTS) {
      return List.of(new Document(0, null, "", "YAML cannot be read: the file exceeds the limit of "
          + MAX_CODE_POINTS + " characters", null));
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // detected below, with the path
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
        new PyYamlResolver());
    List<Document> docs = new ArrayList<>();
    int index = 0;
    try {
      Iterator<Node> it = yaml.composeAll(new java.io.StringReader(text)).iterator();
      while (it.hasNext()) {
        Node node = it.next();
        if (node == null) {
          index++;
          continue;
        }
        try {
          docs.add(new Document(index, convert(node, "", 0, new int[] {0}), null, null, null));
        } catch (RuleRejection r) {
          docs.add(new Document(index, null, r.path(), r.getMessage(), idOf(node)));
        }
        index++;
      }
    } catch (MarkedYAMLException e) {
      docs.add(new Document(index, null, "", "YAML syntax error" + where(e.getProblemMark()) + ": "
          + e.getProblem(), null));
    } catch (YAMLException e) {
      docs.add(new Document(index, null, "", "YAML cannot be read: " + explain(e.getMessage()), null));
    } catch (StackOverflowError e) {
      docs.add(new Document(index, null, "", "YAML nesting too deep", null));
    }
    return docs;
  }

  /** The top-level {@code id} of a document that could not be converted, for its diagnostic. */
  private static String idOf(Node node) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")
            && t.getValueNode() instanceof ScalarNode v) {
          return v.getValue();
        }
      }
    }
    return null;
  }

  private static String where(Mark mark) {
    return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String explain(String message) {
    if (message != null && message.contains("exceeds the limit")) {
      return "the file exceeds the limit of " + MAX_CODE_POINTS + " characters";
    }
    if (message != null && message.contains("aliases")) {
      return "too many YAML aliases (alias bomb?), over the limit of 50";
    }
    return message;
  }

  private static Object convert(Node node, String path, int depth, int[] budget) throws RuleRejection {
    if (++budget[0] > MAX_NODES) {
      throw new RuleRejection(path, "document expands to more than " + MAX_NODES
          + " YAML nodes (alias bomb?)");
    }
    if (depth > MAX_DEPTH) {
      throw new RuleRejection(path, "nesting deeper than " + MAX_DEPTH + " levels");
    }
    if (node instanceof ScalarNode s) {
      return scalar(s, path);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>(seq.getValue().size());
      int i = 0;
      for (Node child : seq.getValue()) {
        out.add(convert(child, path + "[" + i + "]", depth + 1, budget));
        i++;
      }
      return out;
    }
    if (node instanceof MappingNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
          throw new RuleRejection(path, "a mapping key must be a plain value");
        }
        if (keyNode.getTag().equals(Tag.MERGE)) {
          throw new RuleRejection(path, "YAML merge keys (<<) are not supported in rules");
        }
        String key = keyNode.getValue();
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (out.containsKey(key)) {
          throw new RuleRejection(childPath, "duplicate key '" + key + "'");
        }
        out.put(key, convert(t.getValueNode(), childPath, depth + 1, budget));
      }
      return out;
    }
    throw new RuleRejection(path, "unsupported YAML node");
  }

  private static Object scalar(ScalarNode s, String path) throws RuleRejection {
    String text = s.getValue();
    Tag tag = s.getTag();
    if (tag.equals(Tag.STR) || tag.equals(Tag.BINARY)) {
      return text;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      String t = text.toLowerCase(java.util.Locale.ROOT);
      return new YamlBoolean(t.equals("yes") || t.equals("true") || t.equals("on"), text);
    }
    if (tag.equals(Tag.INT)) {
      return integer(text, path);
    }
    if (tag.equals(Tag.FLOAT)) {
      return floating(text, path);
    }
    if (tag.equals(Tag.TIMESTAMP)) {
      return new YamlTimestamp(text);
    }
    throw new RuleRejection(path, "unsupported YAML tag " + tag);
  }

  private static YamlNumber integer(String text, String path) throws RuleRejection {
    String v = text.replace("_", "");
    boolean negative = v.startsWith("-");
    if (v.startsWith("-") || v.startsWith("+")) {
      v = v.substring(1);
    }
    BigInteger value;
    boolean risky = true;
    try {
      if (v.equals("0")) {
        value = BigInteger.ZERO;
        risky = false;
      } else if (v.startsWith("0b")) {
        value = new BigInteger(v.substring(2), 2);
      } else if (v.startsWith("0x")) {
        value = new BigInteger(v.substring(2), 16);
      } else if (v.startsWith("0")) {
        value = new BigInteger(v, 8);
      } else if (v.contains(":")) {
        value = BigInteger.ZERO;
        for (String digit : v.split(":")) {
          value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
        }
      } else {
        value = new BigInteger(v);
        risky = false;
      }
    } catch (NumberFormatException e) {
      throw new RuleRejection(path, "malformed integer '" + text + "'");
    }
    return new YamlNumber(new BigDecimal(negative ? value.negate() : value), text, risky);
  }

  private static YamlNumber floating(String text, String path) throws RuleRejection {
    String v = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (v.endsWith(".inf") || v.endsWith(".nan")) {
      return new YamlNumber(null, text, true);
    }
    try {
      if (v.contains(":")) {
        boolean negative = v.startsWith("-");
        String body = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
        BigDecimal value = BigDecimal.ZERO;
        for (String digit : body.split(":")) {
          value = value.multiply(BigDecimal.valueOf(60)).add(new BigDecimal(digit));
        }
        return new YamlNumber(negative ? value.negate() : value, text, true);
      }
      String canonical = v.endsWith(".") ? v + "0" : v;
      canonical = canonical.replace(".e", ".0e");
      return new YamlNumber(new BigDecimal(canonical), text, false);
    } catch (NumberFormatException e) {
      throw new RuleRejection(path, "malformed number '" + text + "'");
    }
  }
}
