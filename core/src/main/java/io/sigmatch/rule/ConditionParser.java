package io.sigmatch.rule;

import io.sigmatch.value.SigmaPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Parses a condition string (semantics §5) by recursive descent, resolving identifiers and
 * selectors against the rule's search identifiers.
 *
 * <pre>
 * or_expr  := and_expr { "or" and_expr }
 * and_expr := not_expr { "and" not_expr }
 * not_expr := "not" not_expr | primary
 * primary  := "(" or_expr ")" | ("1" | "any" | "all") "of" ("them" | PATTERN) | IDENT
 * </pre>
 *
 * <p>Keywords are lower-case whole words, so {@code notable} is an identifier. Cost: linear in
 * the condition's length; nesting is limited so a hostile condition cannot overflow the stack.
 */
final class ConditionParser {
  private static final int MAX_DEPTH = 100;
  private static final Set<String> RESERVED = Set.of("and", "or", "not", "of", "them", "1", "any", "all");

  private final List<String> tokens;
  private final List<String> identifiers;
  private final String path;
  private final Consumer<String> warn;
  private int pos;
  private int depth;

  private ConditionParser(List<String> tokens, List<String> identifiers, String path, Consumer<String> warn) {
    this.tokens = tokens;
    this.identifiers = identifiers;
    this.path = path;
    this.warn = warn;
  }

  /** Parses {@code text}; {@code identifiers} are the rule's search identifiers in file order. */
  static Condition parse(String text, List<String> identifiers, String path, Consumer<String> warn)
      throws RuleRejection {
    ConditionParser p = new ConditionParser(tokenize(text, path), identifiers, path, warn);
    if (p.tokens.isEmpty()) {
      throw new RuleRejection(path, "the condition is empty");
    }
    Condition c = p.orExpr();
    if (p.pos < p.tokens.size()) {
      String t = p.tokens.get(p.pos);
      p.checkOperatorCase(t);
      throw new RuleRejection(path, t.equals(")") ? "unbalanced parentheses: unexpected ')'"
          : "unexpected '" + t + "' in the condition");
    }
    return c;
  }

  private static List<String> tokenize(String text, String path) throws RuleRejection {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '|') {
        throw new RuleRejection(path, "'|' starts an aggregation (count(), near), which Sigma removed;"
            + " write a correlation rule instead");
      } else if (isWordChar(c)) {
        int j = i;
        while (j < n && isWordChar(text.charAt(j))) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else {
        throw new RuleRejection(path, "unexpected character '" + c + "' in the condition");
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '*';
  }

  private Condition orExpr() throws RuleRejection {
    enter();
    List<Condition> operands = new ArrayList<>();
    operands.add(andExpr());
    while (peek("or")) {
      pos++;
      operands.add(andExpr());
    }
    depth--;
    return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
  }

  private Condition andExpr() throws RuleRejection {
    List<Condition> operands = new ArrayList<>();
    operands.add(notExpr());
    while (peek("and")) {
      pos++;
      operands.add(notExpr());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
  }

  private Condition notExpr() throws RuleRejection {
    if (peek("not")) {
      pos++;
      enter();
      Condition operand = notExpr();
      depth--;
      return new Condition.Not(operand);
    }
    return primary();
  }

  private Condition primary() throws RuleRejection {
    if (pos >= tokens.size()) {
      throw new RuleRejection(path, "the condition ends where an identifier was expected");
    }
    String t = tokens.get(pos++);
    if (t.equals("(")) {
      Condition inner = orExpr();
      if (!peek(")")) {
        throw new RuleRejection(path, "unbalanced parentheses: missing ')'");
      }
      pos++;
      return inner;
    }
    if (t.equals(")")) {
      throw new RuleRejection(path, "unbalanced parentheses: unexpected ')'");
    }
    if (peek("of")) {
      return selector(t);
    }
    checkOperatorCase(t);
    if (RESERVED.contains(t)) {
      throw new RuleRejection(path, "'" + t + "' is a keyword; an identifier was expected");
    }
    if (t.contains("*")) {
      throw new RuleRejection(path, "'" + t + "' has a wildcard but no '1 of' or 'all of' before it");
    }
    if (!identifiers.contains(t)) {
      throw new RuleRejection(path, "the condition names '" + t + "', which is not a search identifier");
    }
    return new Condition.Ref(t);
  }

  private Condition selector(String quantifier) throws RuleRejection {
    pos++;
    boolean all;
    if (quantifier.equals("all")) {
      all = true;
    } else if (quantifier.equals("1") || quantifier.equals("any")) {
      all = false;
    } else if (quantifier.chars().allMatch(Character::isDigit)) {
      throw new RuleRejection(path, "'" + quantifier + " of' is not Sigma: only '1 of', 'any of' and 'all of'");
    } else {
      throw new RuleRejection(path, "'" + quantifier + " of' is not Sigma: only '1 of', 'any of' and 'all of'"
          + (quantifier.equalsIgnoreCase("all") || quantifier.equalsIgnoreCase("any")
              ? " (keywords are lower-case)" : ""));
    }
    if (pos >= tokens.size()) {
      throw new RuleRejection(path, "'of' must be followed by 'them' or an identifier pattern");
    }
    String pattern = tokens.get(pos++);
    if (pattern.equals("(") || pattern.equals(")") || (RESERVED.contains(pattern) && !pattern.equals("them"))) {
      throw new RuleRejection(path, "'of' must be followed by 'them' or an identifier pattern");
    }
    if (pattern.contains("-")) {
      warn.accept("selector pattern '" + pattern + "' contains '-', which pySigma does not accept");
    }
    List<String> matched = new ArrayList<>();
    for (String id : identifiers) {
      if (selects(pattern, id)) {
        matched.add(id);
      }
    }
    if (matched.isEmpty()) {
      throw new RuleRejection(path, "'" + (all ? "all" : quantifier) + " of " + pattern
          + "' names no identifier: no search identifier matches the pattern");
    }
    return new Condition.Selector(all, pattern, matched);
  }

  /** Whether a selector pattern names an identifier; {@code _} identifiers need a {@code _} pattern. */
  static boolean selects(String pattern, String identifier) {
    if (pattern.equals("them")) {
      return !identifier.startsWith("_");
    }
    if (identifier.startsWith("_") && !pattern.startsWith("_")) {
      return false;
    }
    SigmaPattern.Builder b = SigmaPattern.builder();
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        b.star();
      } else {
        b.literal(String.valueOf(c));
      }
    }
    return b.build().matches(identifier);
  }

  private void checkOperatorCase(String t) throws RuleRejection {
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (!t.equals(lower) && (lower.equals("and") || lower.equals("or") || lower.equals("not"))) {
      throw new RuleRejection(path, "operator '" + t + "' is upper case; Sigma operators are lower case ('"
          + lower + "')");
    }
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }

  private void enter() throws RuleRejection {
    if (++depth > MAX_DEPTH) {
      throw new RuleRejection(path, "the condition is nested deeper than " + MAX_DEPTH + " levels");
    }
  }
}
