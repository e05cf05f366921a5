/**
 * Authentication (HTTP Basic against Camunda's identity for /engine-rest and /api; the webapps'
 * own login) and the standing Camunda authorizations per group.
 */
package nl.signaalketen.security;
