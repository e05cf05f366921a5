/**
 * Messages out of the chain: status feedback to the reporter (terugkoppeling, status only), and
 * reminders and escalations to professionals. Everything goes through a NotificationChannel; the
 * default stores it in an outbox table in the same transaction, so a rolled-back step sends nothing.
 */
package nl.signaalketen.feedback;
