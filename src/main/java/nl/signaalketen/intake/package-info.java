/**
 * How signals enter the chain: the meldpunt's start form in Tasklist, and the melding that a
 * partner organisation's informatie-delen process submits on behalf of the organisation.
 */
package nl.signaalketen.intake;
