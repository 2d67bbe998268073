package io.sigmatch.rule;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Types plain scalars exactly as PyYAML's safe loader does (YAML 1.1), so a rule means here what it
 * means to pySigma, where rule authors test (semantics §1.3). SnakeYAML's own resolver differs:
 * it reads {@code 1e3} as a float, PyYAML keeps it a string.
 */
final class PyYamlResolver extends Resolver {
  static final Pattern PY_BOOL = Pattern.compile(
      "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  static final Pattern PY_FLOAT = Pattern.compile(
      "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
          + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
          + "|[-+]?\\.(?:inf|Inf|INF)"
          + "|\\.(?:nan|NaN|NAN))$");
  static final Pattern PY_INT = Pattern.compile(
      "^(?:[-+]?0b[0-1_]+"
          + "|[-+]?0[0-7_]+"
          + "|[-+]?(?:0|[1-9][0-9_]*)"
          + "|[-+]?0x[0-9a-fA-F_]+"
          + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  static final Pattern PY_NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
  static final Pattern PY_TIMESTAMP = Pattern.compile(
      "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
          + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
          + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
          + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
          + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

  @Override
  protected void addImplicitResolvers() {
    addImplicitResolver(Tag.BOOL, PY_BOOL, "yYnNtTfFoO");
    addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.");
    addImplicitResolver(Tag.INT, PY_INT, "-+0123456789");
    addImplicitResolver(Tag.MERGE, MERGE, "<");
    addImplicitResolver(Tag.NULL, PY_NULL, "~nN\0");
    addImplicitResolver(Tag.NULL, EMPTY, null);
    addImplicitResolver(Tag.TIMESTAMP, PY_TIMESTAMP, "0123456789");
  }
}
