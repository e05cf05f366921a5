package nl.signaalketen.network;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Before anyone works: roles from the catalog, the demo network if enabled, then Camunda identity. */
@Component
class NetworkStartup {

  /** Security grants and Tasklist filters run after this, on the groups it creates. */
  static final int ORDER = 10;

  private final RoleCatalog roleCatalog;
  private final DemoNetworkLoader demoLoader;
  private final IdentitySync identitySync;

  NetworkStartup(RoleCatalog roleCatalog, DemoNetworkLoader demoLoader, IdentitySync identitySync) {
    this.roleCatalog = roleCatalog;
    this.demoLoader = demoLoader;
    this.identitySync = identitySync;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(ORDER)
  public void prepareRegistry() {
    roleCatalog.syncIntoRegistry();
    demoLoader.loadIfEnabled();
    identitySync.syncAll();
  }
}
