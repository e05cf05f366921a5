package nl.signaalketen.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The registry's people as Camunda users, each in {@link IdentitySync#ALL_PROFESSIONALS}. */
@Component
class UserMirror {

  private final IdentityService identity;

  UserMirror(IdentityService identity) {
    this.identity = identity;
  }

  /** Creates or refreshes the user; the password is only set when the user is new. */
  void sync(Person person, String initialPassword) {
    User user = identity.createUserQuery().userId(person.id()).singleResult();
    boolean professional = user != null
        && identity.createUserQuery().userId(person.id()).memberOfGroup(IdentitySync.ALL_PROFESSIONALS).count() > 0;
    sync(person, initialPassword, user, professional);
  }

  /** Everyone at once: the users and the professionals read in two queries, not two per person. */
  void syncAll(List<Person> people) {
    Map<String, User> users = identity.createUserQuery().list().stream()
        .collect(Collectors.toMap(User::getId, Function.identity(), (a, b) -> a));
    Set<String> professionals = identity.createUserQuery().memberOfGroup(IdentitySync.ALL_PROFESSIONALS).list()
        .stream().map(User::getId).collect(Collectors.toSet());
    people.forEach(p -> sync(p, null, users.get(p.id()), professionals.contains(p.id())));
  }

  private void sync(Person person, String initialPassword, User existing, boolean professional) {
    boolean isNew = existing == null;
    User user = isNew ? identity.newUser(person.id()) : existing;
    int space = person.name().indexOf(' ');
    String first = space < 0 ? person.name() : person.name().substring(0, space);
    String last = space < 0 ? "" : person.name().substring(space + 1);
    if (isNew || !first.equals(user.getFirstName()) || !last.equals(user.getLastName())
        || !person.email().equals(user.getEmail())) {
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(person.email());
      if (isNew && initialPassword != null && !initialPassword.isEmpty()) {
        user.setPassword(initialPassword);
      }
      identity.saveUser(user);
    }
    if (!professional) {
      identity.createMembership(person.id(), IdentitySync.ALL_PROFESSIONALS);
    }
  }
}
