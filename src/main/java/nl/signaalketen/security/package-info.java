/**
 * Authentication (which paths need it: HTTP Basic against Camunda's identity, package login, for
 * /engine-rest and /api; the webapps' own login) and the standing Camunda authorizations per group.
 */
package nl.signaalketen.security;
