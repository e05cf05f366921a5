package nl.signaalketen.feedback;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores notifications in sk_notification, in the transaction of the step that caused them (a
 * rolled-back step sends nothing). The log line names kind and case, never recipient or content.
 */
@Component
public class OutboxNotificationChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxNotificationChannel.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  public OutboxNotificationChannel(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void send(Notification n) {
    jdbc.sql("insert into sk_notification (created_at, kind, recipient, case_ref, subject, body)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(LocalDateTime.now(clock), n.kind(), n.recipient(), n.caseRef(), n.subject(), n.body())
        .update();
    LOG.info("Notification '{}' queued for case {}", n.kind(), n.caseRef());
  }

  public List<Notification> forCase(String caseRef) {
    return jdbc.sql("select kind, recipient, case_ref, subject, body from sk_notification"
            + " where case_ref = ? order by id")
        .param(caseRef).query(Notification.class).list();
  }
}
