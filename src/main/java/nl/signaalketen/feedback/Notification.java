package nl.signaalketen.feedback;

/**
 * A message to one recipient: a user id for professionals, a contact address for a reporter.
 * Subject and body carry status only, never the content of a case (no names, BSN, signal text).
 */
public record Notification(String kind, String recipient, String caseRef, String subject,
    String body) {}
