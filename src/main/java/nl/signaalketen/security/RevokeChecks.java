package nl.signaalketen.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda searches the authorization table for revocations before every authorized command
 * ({@code authorizationCheckRevokes=auto}), three times per signal. The installation uses no
 * revocations (rights are only granted; none can be created then), so the search is switched
 * off when none exist. Where an older installation still holds some, the search stays on.
 */
public final class RevokeChecks {

  private static final Logger LOG = LoggerFactory.getLogger(RevokeChecks.class);

  private RevokeChecks() {}

  /** No revocation while the engine ignores them: whichever door or code would write it. */
  static void refuseWhileIgnored(AuthorizationEntity authorization) {
    if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
        && ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER.equals(
            Context.getProcessEngineConfiguration().getAuthorizationCheckRevokes())) {
      throw new BadUserRequestException("type: intrekkingen (REVOKE) worden niet gebruikt; wie iets niet mag,"
          + " krijgt er geen recht op.");
    }
  }

  /** After the engine is built: its schema exists, nobody is signed in. */
  public static void decide(ProcessEngineConfigurationImpl configuration, ProcessEngine engine) {
    long revocations = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
    if (revocations == 0) {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
    } else {
      LOG.warn("{} revoke authorization(s) exist; the engine keeps checking revocations on every command."
          + " Replace them by narrower grants and delete them to save that search.", revocations);
    }
  }
}
