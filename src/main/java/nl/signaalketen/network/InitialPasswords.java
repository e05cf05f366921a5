package nl.signaalketen.network;

import java.util.List;
import java.util.Map;

import nl.signaalketen.api.InvalidInputException;
import nl.signaalketen.api.NotFoundException;
import nl.signaalketen.login.PasswordRules;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator gives a person of the registry a password, checked against Camunda's password
 * policy (the installation's, or Camunda's default one where the policy is switched off) before
 * anything is stored. A refusal states every rule the password breaks, in Dutch; the password itself
 * is never echoed or logged.
 */
@Service
class InitialPasswords {

  /** Camunda hashes it with a salt; nobody needs more, and a megabyte would only cost hashing time. */
  static final int MAX_LENGTH = 200;

  private final NetworkRepository registry;
  private final IdentityService identity;

  InitialPasswords(NetworkRepository registry, IdentityService identity) {
    this.registry = registry;
    this.identity = identity;
  }

  @Transactional
  void set(String personId, String password) {
    if (registry.person(personId).isEmpty()) {
      throw new NotFoundException("Geen persoon met id " + personId + " in het netwerkregister.");
    }
    User user = identity.createUserQuery().userId(personId).singleResult();
    if (user == null) {
      throw new NotFoundException("Persoon " + personId + " heeft nog geen account; probeer het zo opnieuw.");
    }
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException(Map.of("password", "password: vul een wachtwoord in."));
    }
    if (password.length() > MAX_LENGTH) {
      throw new InvalidInputException(Map.of("password", "password: hoogstens " + MAX_LENGTH + " tekens."));
    }
    List<String> broken = PasswordRules.broken(identity, policy(), password, user);
    if (!broken.isEmpty()) {
      throw new InvalidInputException(Map.of("password", "password: voldoet niet aan de wachtwoordregels: "
          + String.join("; ", broken) + "."));
    }
    user.setPassword(password);
    identity.saveUser(user);
    identity.unlockUser(personId);
  }

  private PasswordPolicy policy() {
    PasswordPolicy installation = identity.getPasswordPolicy();
    return installation != null ? installation : new DefaultPasswordPolicyImpl();
  }
}
