package nl.signaalketen.network;

import java.time.LocalDate;

/**
 * A person holds a role for a scope (a gemeente, or a ZVH for its whole region) from {@code validFrom}
 * (inclusive) until {@code validTo} (exclusive, null = open-ended). A named deputy receives the
 * same tasks while the assignment applies.
 */
public record RoleAssignment(
    Long id,
    String personId,
    String roleCode,
    String scopeCode,
    LocalDate validFrom,
    LocalDate validTo,
    String deputyId) {

  public boolean appliesOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
  }

  public RoleAssignment withPeriodAndDeputy(LocalDate from, LocalDate to, String deputy) {
    return new RoleAssignment(id, personId, roleCode, scopeCode, from, to, deputy);
  }
}
