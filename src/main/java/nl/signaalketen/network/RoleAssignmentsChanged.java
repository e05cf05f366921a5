package nl.signaalketen.network;

import java.util.List;

/**
 * Published inside the transaction that changed who holds {@code roleCode} in these gemeenten, so
 * open tasks can follow the registry; a listener may veto the change by throwing.
 */
public record RoleAssignmentsChanged(String roleCode, List<String> gemeenten) {}
