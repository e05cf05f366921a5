package nl.signaalketen.network;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly mirror of the registry, once per cluster. Its own bean: the lock must not touch the
 * start-up sync or a registry change, which call {@link IdentitySync#syncAll()} themselves.
 */
@Component
class NightlyIdentitySync {

  static final String LOCK = "registerspiegel";

  private final IdentitySync identitySync;

  NightlyIdentitySync(IdentitySync identitySync) {
    this.identitySync = identitySync;
  }

  @Scheduled(cron = "0 5 0 * * *")
  @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
  public void run() {
    identitySync.syncAll();
  }
}
