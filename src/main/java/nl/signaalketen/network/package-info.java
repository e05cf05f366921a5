/**
 * The network registry: organisations, roles (network/roles.yaml), people and who holds which role
 * for which gemeente or ZVH region, from when to when, with which deputy. It is the single source
 * of truth for Camunda's users, groups and memberships (IdentitySync) and is changed through
 * /api/network; every change is announced (RoleAssignmentsChanged) so open tasks follow it.
 */
package nl.signaalketen.network;
