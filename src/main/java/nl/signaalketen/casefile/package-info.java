/**
 * The case file: what holds one case together across the phases of the chain and keeps its record
 * complete. A new signal gets its case reference (the business key every phase carries) and a
 * pseudonymous person key, so a later signal about the same person joins the running case instead
 * of opening a new one ({@link nl.signaalketen.casefile.CaseRegistration},
 * {@link nl.signaalketen.casefile.RunningCases}), found through an index of running cases by
 * person key and gemeente ({@link nl.signaalketen.casefile.RunningCaseIndex}). The weging keeps every partner's contribution
 * with its justification and accepts only a joint, reasoned weighing by gemeente, politie and OM,
 * refusing it when a partner's input or the reasons are missing, when the rounds of more
 * information are used up, or when a PGA is chosen outside the ZVH admission criteria
 * ({@link nl.signaalketen.casefile.WeighingCompleteness}); the casusoverleg turns its plan van
 * aanpak into the actions the interventions run on ({@code ActionPlan}).
 */
package nl.signaalketen.casefile;
