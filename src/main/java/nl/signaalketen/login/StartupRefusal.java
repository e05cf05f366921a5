package nl.signaalketen.login;

/**
 * The installation's settings cannot work (a first administrator's password that breaks the
 * password policy, say): start-up stops with what is wrong and what to do, without a stack trace
 * ({@link StartupRefusalAnalyzer}). Never carries a secret's value.
 */
public class StartupRefusal extends RuntimeException {

  private final String action;

  public StartupRefusal(String problem, String action) {
    super(problem);
    this.action = action;
  }

  String action() {
    return action;
  }
}
