package nl.signaalketen.feedback;

/** Where notifications go. The outbox is the default; an e-mail channel can replace it as a bean. */
public interface NotificationChannel {
  void send(Notification notification);
}
