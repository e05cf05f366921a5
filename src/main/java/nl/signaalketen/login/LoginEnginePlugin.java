package nl.signaalketen.login;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Puts {@link IdentityWrites} in place of Camunda's database identity provider. */
@Component
class LoginEnginePlugin extends AbstractProcessEnginePlugin {

  private final RememberedLogins logins;

  LoginEnginePlugin(RememberedLogins logins) {
    this.logins = logins;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return IdentityWrites.class;
      }

      @Override
      public Session openSession() {
        return new IdentityWrites(logins);
      }
    });
  }
}
