/**
 * Camunda Forms validate only in the browser. The rules each form declares are enforced again on
 * the server when a task completes or a start form starts a process; a breach is refused as a bad
 * request naming the field, and the engine's transaction stores nothing. Task-specific rules a form
 * cannot express are task listeners that throw FormRuleViolation.
 */
package nl.signaalketen.formvalidation;
