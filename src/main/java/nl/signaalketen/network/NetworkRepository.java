package nl.signaalketen.network;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the registry tables (V1__network_registry.sql). */
@Repository
public class NetworkRepository {

  private static final String ASSIGNMENT_COLUMNS =
      "id, person_id, role_code, scope_code, valid_from, valid_to, deputy_id";

  /**
   * By column name. Spring's DataClassRowMapper first asks for "personid" and so on, and pays a
   * driver exception per camelCase column and row; every signal maps the assignments of a ZVH.
   */
  private static final RowMapper<RoleAssignment> ASSIGNMENT = (rs, n) -> new RoleAssignment(
      rs.getLong("id"), rs.getString("person_id"), rs.getString("role_code"), rs.getString("scope_code"),
      rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
      rs.getString("deputy_id"));

  private final JdbcClient jdbc;
  private final TransactionMemo<GemeenteOnDay, ScopedAssignments> applyingPerTransaction = new TransactionMemo<>();

  public NetworkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean isEmpty() {
    return jdbc.sql("select count(*) from sk_organisation").query(Long.class).single() == 0;
  }

  public List<Organisation> organisations() {
    return jdbc.sql("select * from sk_organisation order by code").query(Organisation.class).list();
  }

  public Optional<Organisation> organisation(String code) {
    return jdbc.sql("select * from sk_organisation where code = ?").param(code)
        .query(Organisation.class).optional();
  }

  public List<String> gemeentenServedBy(String zvhCode) {
    return jdbc.sql("select code from sk_organisation where served_by_zvh = ? order by code")
        .param(zvhCode).query(String.class).list();
  }

  public void insert(Organisation o) {
    applyingPerTransaction.forget();
    jdbc.sql("insert into sk_organisation (code, name, type, served_by_zvh) values (?, ?, ?, ?)")
        .params(o.code(), o.name(), o.type().name(), o.servedByZvh()).update();
  }

  void rename(String code, String name) {
    applyingPerTransaction.forget();
    jdbc.sql("update sk_organisation set name = ? where code = ?").params(name, code).update();
  }

  public List<Role> roles() {
    return jdbc.sql("select * from sk_role order by code").query(Role.class).list();
  }

  public Optional<Role> role(String code) {
    return jdbc.sql("select * from sk_role where code = ?").param(code).query(Role.class).optional();
  }

  /** Roles are product configuration (network/roles.yaml): insert new ones, refresh changed names. */
  public void upsert(Role r) {
    int updated = jdbc.sql("update sk_role set name = ?, domain = ?, lead = ? where code = ?")
        .params(r.name(), r.domain().name(), r.lead(), r.code()).update();
    if (updated == 0) {
      jdbc.sql("insert into sk_role (code, name, domain, lead) values (?, ?, ?, ?)")
          .params(r.code(), r.name(), r.domain().name(), r.lead()).update();
    }
  }

  public List<Person> people() {
    return jdbc.sql("select * from sk_person order by id").query(Person.class).list();
  }

  public Optional<Person> person(String id) {
    return jdbc.sql("select * from sk_person where id = ?").param(id).query(Person.class).optional();
  }

  public void insert(Person p) {
    jdbc.sql("insert into sk_person (id, name, email, organisation_code) values (?, ?, ?, ?)")
        .params(p.id(), p.name(), p.email(), p.organisationCode()).update();
  }

  public List<RoleAssignment> assignments() {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from sk_role_assignment order by id")
        .query(ASSIGNMENT).list();
  }

  /** All assignments of one role, whatever their period. */
  public List<RoleAssignment> assignmentsOf(String roleCode) {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from sk_role_assignment where role_code = ? order by id")
        .param(roleCode).query(ASSIGNMENT).list();
  }

  public Optional<RoleAssignment> assignment(long id) {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from sk_role_assignment where id = ?")
        .param(id).query(ASSIGNMENT).optional();
  }

  /**
   * The ZVH whose region the gemeente belongs to, and the assignments of these roles that apply on
   * the day to the gemeente or to that ZVH. One statement for all roles, asked once per
   * transaction: a signal's meldpunt check and its first task's offer were four round trips.
   */
  public ScopedAssignments assignmentsApplyingTo(Collection<String> roleCodes, String gemeenteCode,
      LocalDate day) {
    ScopedAssignments all = applyingPerTransaction.get(new GemeenteOnDay(gemeenteCode, day), this::applyingTo);
    return new ScopedAssignments(all.zvh(),
        all.assignments().stream().filter(a -> roleCodes.contains(a.roleCode())).toList());
  }

  private record GemeenteOnDay(String gemeente, LocalDate day) {}

  private ScopedAssignments applyingTo(GemeenteOnDay key) {
    // One row per assignment (the ZVH on each), or a single row without one: a left join.
    record Row(String zvh, RoleAssignment assignment) {}
    List<Row> rows = jdbc.sql("select o.served_by_zvh as zvh, a.id, a.person_id, a.role_code,"
            + " a.scope_code, a.valid_from, a.valid_to, a.deputy_id from sk_organisation o"
            + " left join sk_role_assignment a on (a.scope_code = o.code or a.scope_code = o.served_by_zvh)"
            + " and a.valid_from <= :day and (a.valid_to is null or a.valid_to > :day)"
            + " where o.code = :gemeente order by a.id")
        .param("day", key.day()).param("gemeente", key.gemeente())
        .query((rs, n) -> new Row(rs.getString("zvh"),
            rs.getObject("id") == null ? null : ASSIGNMENT.mapRow(rs, n)))
        .list();
    return new ScopedAssignments(rows.stream().map(Row::zvh).filter(z -> z != null).findFirst(),
        rows.stream().map(Row::assignment).filter(a -> a != null).toList());
  }

  /** A gemeente's ZVH (if any) and the assignments that apply to either. */
  public record ScopedAssignments(Optional<String> zvh, List<RoleAssignment> assignments) {}

  public long insert(RoleAssignment a) {
    applyingPerTransaction.forget();
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into sk_role_assignment (person_id, role_code, scope_code, valid_from, valid_to, deputy_id)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(a.personId(), a.roleCode(), a.scopeCode(), a.validFrom(), a.validTo(), a.deputyId())
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  public void update(RoleAssignment a) {
    applyingPerTransaction.forget();
    jdbc.sql("update sk_role_assignment set valid_from = ?, valid_to = ?, deputy_id = ? where id = ?")
        .params(a.validFrom(), a.validTo(), a.deputyId(), a.id()).update();
  }
}
