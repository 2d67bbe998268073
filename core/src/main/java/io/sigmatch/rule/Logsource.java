package io.sigmatch.rule;

/**
 * The event stream a rule is written for. Attributes a rule leaves out are {@code null} and act
 * as wildcards (semantics §1.4).
 *
 * <pre>{@code
 * new Logsource("windows", "network_connection", null)
 * }</pre>
 *
 * @param product  e.g. {@code windows}, or {@code null}
 * @param category e.g. {@code process_creation}, or {@code null}
 * @param service  e.g. {@code security}, or {@code null}
 */
public record Logsource(String product, String category, String service) {

  /**
   * Whether every attribute {@code this} sets is set to the same value in {@code other}, i.e.
   * {@code other} is at least as specific as {@code this}.
   */
  public boolean containedIn(Logsource other) {
    return (product == null || product.equals(other.product))
        && (category == null || category.equals(other.category))
        && (service == null || service.equals(other.service));
  }

  /** {@code product/category/service} with {@code -} for absent attributes. */
  @Override
  public String toString() {
    return dash(product) + "/" + dash(category) + "/" + dash(service);
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }
}
