/**
 * The sharing register and the access log (DOMAIN.md rules 1 and 3). Every share of information
 * about a person records its justification (purpose, legal basis, proportionality, subsidiarity,
 * categories, from, to, by whom, whether the person was informed) in an append-only register:
 * from the processes through the task listener {@code deelregister}, by hand through
 * {@code /api/cases/{casusId}/sharing}. Reads of special-category data (register entries marked
 * special, task variables of such a case) are logged without content in sk_access_log.
 */
package nl.signaalketen.sharing;
