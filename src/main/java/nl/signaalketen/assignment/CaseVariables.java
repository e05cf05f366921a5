package nl.signaalketen.assignment;

/** Process variables the assignment relies on. */
public final class CaseVariables {

  /** Code of the gemeente whose case this is (an organisation code in the registry). */
  public static final String GEMEENTE = "gemeente";

  private CaseVariables() {}
}
