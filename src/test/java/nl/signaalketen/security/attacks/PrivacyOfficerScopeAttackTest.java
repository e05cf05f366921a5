package nl.signaalketen.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import nl.signaalketen.testsupport.WegingCases;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

/**
 * Attack 7 of issue 8: Leiden's privacy officer reads and exports the sharing register entries of
 * an Alphen case. The privacy officer works for their own gemeente (or region), as in inzage.
 */
@IntegrationTest
class PrivacyOfficerScopeAttackTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  private WegingCases alphen;
  private WegingCases leiden;

  @BeforeEach
  void aCaseInEachGemeenteWithASharedContribution() {
    alphen = WegingCases.in("gemeente-alphen", engine, http);
    alphen.policeContributes();
    leiden = WegingCases.inLeiden(engine, http);
    leiden.policeContributes();
  }

  @AfterEach
  void endThem() {
    alphen.end();
    leiden.end();
  }

  @Test
  void leidensPrivacyOfficerDoesNotReadTheRegisterOfAnAlphenCase() {
    Rest officer = Rest.as(http, "privacy-leiden");

    assertThat(officer.get("/api/cases/" + alphen.casusId + "/sharing").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(officer.get("/api/cases/" + leiden.casusId + "/sharing", LIST).getBody()).hasSize(1);
  }

  @Test
  void leidensPrivacyOfficerExportsOnlyTheCasesOfLeiden() {
    Rest officer = Rest.as(http, "privacy-leiden");

    List<Map<String, Object>> exported = officer.get("/api/sharing/export?format=json", LIST).getBody();
    String csv = officer.get("/api/sharing/export").getBody();

    assertThat(exported).extracting(e -> e.get("casusId")).contains(leiden.casusId).doesNotContain(alphen.casusId);
    assertThat(csv).contains(leiden.casusId).doesNotContain(alphen.casusId);
  }
}
