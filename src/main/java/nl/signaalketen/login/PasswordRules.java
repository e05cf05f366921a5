package nl.signaalketen.login;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/** Camunda's password policy in words an administrator reads: which rules a password breaks. */
public final class PasswordRules {

  private PasswordRules() {}

  /** The rules of this policy that the password breaks, in Dutch; empty when it meets them all. */
  public static List<String> broken(IdentityService identity, PasswordPolicy policy, String password, User user) {
    return identity.checkPasswordAgainstPolicy(policy, password, user).getViolatedRules().stream()
        .map(PasswordRules::describe).toList();
  }

  static String describe(PasswordPolicyRule rule) {
    Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "minstens " + p.get("minLength") + " tekens";
      case "PASSWORD_POLICY_LOWERCASE" -> "minstens " + p.get("minLowerCase") + " kleine letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "minstens " + p.get("minUpperCase") + " hoofdletter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "minstens " + p.get("minDigit") + " cijfer(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "minstens " + p.get("minSpecial") + " leesteken(s) of symbool/symbolen";
      case "PASSWORD_POLICY_USER_DATA" -> "niet de gebruikersnaam, voornaam, achternaam of het e-mailadres";
      default -> "regel " + rule.getPlaceholder();
    };
  }
}
