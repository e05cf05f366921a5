/**
 * HTTP Basic sign-in for /engine-rest and /api against Camunda's identity, remembered for a short
 * while so a request costs no lookup when the same credentials passed a moment ago, and forgotten
 * as soon as the user's password, groups or tenants change. The signed-in user carries their
 * groups and tenants to the gate and to the engine ({@link nl.signaalketen.login.SignedIn},
 * {@link nl.signaalketen.login.EngineRestIdentity}).
 */
package nl.signaalketen.login;
