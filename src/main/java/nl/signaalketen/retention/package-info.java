/**
 * Retention and inzage (DOMAIN.md rules 5 and 6).
 *
 * <p>Retention: a case (all process instances with its casusId as business key) is kept for the
 * term of its category after closure: {@code signaalketen.retention.terms.niet-opgepakt} for a
 * signal that was not taken up, {@code .pga} for a case that went through the casusoverleg
 * (default P1825D, five years). {@link nl.signaalketen.retention.RetentionJob} runs nightly
 * ({@code signaalketen.retention.cron}): it registers newly closed cases in sk_retention_case, sets
 * the removal time of their engine history to the expiry day (so the engine's removal-time-based
 * cleanup, 01:00-05:00, is a second line), and deletes expired cases: our rows
 * ({@link nl.signaalketen.retention.CaseTables}), the engine history, and a line in sk_deletion_log
 * with a salted hash of the case reference ({@link nl.signaalketen.retention.CaseReferenceHash}).
 *
 * <p>Inzage: {@link nl.signaalketen.retention.InzageController}, for the privacyfunctionaris only,
 * exports a person's cases by the pseudonymous person key, leaving out what a recorded exception
 * withholds ({@link nl.signaalketen.retention.Withholding}) and listing each exception with its reason.
 */
package nl.signaalketen.retention;
