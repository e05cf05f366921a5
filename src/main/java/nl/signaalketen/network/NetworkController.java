package nl.signaalketen.network;

import java.util.List;

import nl.signaalketen.network.NetworkInput.AssignmentChange;
import nl.signaalketen.network.NetworkInput.AssignmentEnd;
import nl.signaalketen.network.NetworkInput.NewAssignment;
import nl.signaalketen.network.NetworkInput.NewOrganisation;
import nl.signaalketen.network.NetworkInput.NewPassword;
import nl.signaalketen.network.NetworkInput.NewPerson;
import nl.signaalketen.network.NetworkInput.OrganisationChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry over HTTP. Reading is open to every signed-in professional (they need to know who
 * does what); changing it is for administrators (see SecurityConfig).
 */
@RestController
@RequestMapping("/api/network")
public class NetworkController {

  private final NetworkRepository repository;
  private final NetworkService network;
  private final InitialPasswords passwords;

  NetworkController(NetworkRepository repository, NetworkService network, InitialPasswords passwords) {
    this.repository = repository;
    this.network = network;
    this.passwords = passwords;
  }

  @GetMapping("/organisations")
  public List<Organisation> organisations() {
    return repository.organisations();
  }

  @PostMapping("/organisations")
  @ResponseStatus(HttpStatus.CREATED)
  public Organisation addOrganisation(@RequestBody NewOrganisation organisation) {
    return network.addOrganisation(organisation);
  }

  @PutMapping("/organisations/{code}")
  public Organisation rename(@PathVariable String code, @RequestBody OrganisationChange change) {
    return network.rename(code, change);
  }

  @GetMapping("/roles")
  public List<Role> roles() {
    return repository.roles();
  }

  @GetMapping("/people")
  public List<Person> people() {
    return repository.people();
  }

  /** A person is created without a password: the administrator gives one with the call below. */
  @PostMapping("/people")
  @ResponseStatus(HttpStatus.CREATED)
  public Person addPerson(@RequestBody NewPerson person) {
    return network.addPerson(person, null);
  }

  /** Answers 204; the password is checked against the password policy first (400 states the rules). */
  @PutMapping("/people/{id}/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void setPassword(@PathVariable String id, @RequestBody NewPassword password) {
    passwords.set(id, password.password());
  }

  @GetMapping("/assignments")
  public List<RoleAssignment> assignments(@RequestParam(required = false) String roleCode,
      @RequestParam(required = false) String scopeCode,
      @RequestParam(required = false) String personId) {
    return repository.assignments().stream()
        .filter(a -> roleCode == null || a.roleCode().equals(roleCode))
        .filter(a -> scopeCode == null || a.scopeCode().equals(scopeCode))
        .filter(a -> personId == null || a.personId().equals(personId))
        .toList();
  }

  @GetMapping("/assignments/{id}")
  public RoleAssignment assignment(@PathVariable long id) {
    return network.existing(id);
  }

  @PostMapping("/assignments")
  @ResponseStatus(HttpStatus.CREATED)
  public RoleAssignment assign(@RequestBody NewAssignment assignment) {
    return network.assign(assignment);
  }

  @PutMapping("/assignments/{id}")
  public RoleAssignment change(@PathVariable long id, @RequestBody AssignmentChange change) {
    return network.change(id, change);
  }

  @PostMapping("/assignments/{id}/end")
  public RoleAssignment end(@PathVariable long id,
      @RequestBody(required = false) AssignmentEnd end) {
    return network.end(id, end);
  }
}
