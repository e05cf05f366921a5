package nl.signaalketen.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The sharing register over real HTTP: who lists it, what it refuses, the privacy officer's export. */
@IntegrationTest
class SharingRegisterApiTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Autowired
  TestRestTemplate http;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AccessLog accessLog;

  @Autowired
  SharingRegister register;

  WegingCases weging;

  @BeforeEach
  void aWegingWhereThePoliceSharedCriminalData() {
    weging = WegingCases.inLeiden(engine, http);
    weging.policeContributes();
  }

  @AfterEach
  void endTheWeging() {
    weging.end();
  }

  @Test
  void aWegingContributionIsListedWithItsBasisAndProportionalityForAParticipant() {
    ResponseEntity<List<Map<String, Object>>> listed = Rest.as(http, "ovj-hm").get(path(), LIST);

    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody()).singleElement().satisfies(entry -> assertThat(entry)
        .containsEntry("casusId", weging.casusId)
        .containsEntry("kind", "bijdrage-weging")
        .containsEntry("from", "politie-expert-radicalisering")
        .containsEntry("to", "weegploeg")
        .containsEntry("recordedBy", "politie-expert-hm")
        .containsEntry("legalBasis", "wet-pga")
        .containsEntry("proportionality", WegingCases.PROPORTIONALITY)
        .containsEntry("purpose", WegingCases.PURPOSE)
        .containsEntry("specialCategories", true));
    assertThat(listed.getBody().toString()).as("the register holds no content")
        .doesNotContain(WegingCases.POLICE_SUMMARY).doesNotContain(WegingCases.SIGNAL);
  }

  @Test
  void readingEntriesWithSpecialCategoryDataIsLoggedWithoutContent() {
    Rest.as(http, "adviseur-leiden").get(path(), LIST);

    assertThat(accessLog.forCase(weging.casusId)).singleElement().satisfies(line -> {
      assertThat(line.userId()).isEqualTo("adviseur-leiden");
      assertThat(line.kind()).isEqualTo("inzage");
      assertThat(line.channel()).isEqualTo("api");
      assertThat(line.category()).isEqualTo("strafrechtelijke gegevens");
      assertThat(line.toString()).doesNotContain(WegingCases.POLICE_SUMMARY);
    });
  }

  @Test
  void aUserWhoTakesNoPartInTheCaseGets404AsForACaseThatDoesNotExist() {
    ResponseEntity<String> other = Rest.as(http, "adviseur-alphen").get(path());
    ResponseEntity<String> none = Rest.as(http, "adviseur-alphen").get("/api/cases/SK-BESTAAT-NIET/sharing");

    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getBody().replace(path(), "")).isEqualTo(none.getBody().replace("/api/cases/SK-BESTAAT-NIET/sharing", ""));
    assertThat(Rest.as(http, "adviseur-alphen").send(HttpMethod.POST, path(), manualShare()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(register.forCase(weging.casusId)).hasSize(1);
  }

  @Test
  void changingOrDeletingAnEntryAnswers405ChangesNothingAndIsLogged() {
    long id = register.forCase(weging.casusId).get(0).id();
    ResponseEntity<String> put = Rest.as(http, "politie-expert-hm")
        .sendRaw(HttpMethod.PUT, path() + "/" + id, "{\"legalBasis\":\"toestemming\"}");
    ResponseEntity<String> delete = Rest.as(http, "politie-expert-hm")
        .sendRaw(HttpMethod.DELETE, path() + "/" + id, null);
    ResponseEntity<String> patch = Rest.as(http, "ovj-hm").sendRaw(HttpMethod.PATCH, path(), "{}");

    assertThat(List.of(put.getStatusCode(), delete.getStatusCode(), patch.getStatusCode()))
        .containsOnly(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(register.forCase(weging.casusId)).singleElement()
        .satisfies(e -> assertThat(e.legalBasis()).isEqualTo("wet-pga"));
    assertThat(accessLog.forCase(weging.casusId)).filteredOn(l -> l.kind().equals("poging-wijziging"))
        .extracting(AccessLog.Line::userId, AccessLog.Line::objectRef)
        .containsExactly(
            tuple("politie-expert-hm", "PUT deelregister " + id),
            tuple("politie-expert-hm", "DELETE deelregister " + id),
            tuple("ovj-hm", "PATCH deelregister"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aManualShareWithoutBasisOrWithAnEmptyPurposeIsRefusedNamingEachField() {
    Map<String, Object> invalid = manualShare();
    invalid.remove("legalBasis");
    invalid.put("purpose", " ");
    invalid.put("personInformed", false);

    ResponseEntity<Map<String, Object>> refused = Rest.as(http, "ovj-hm").send(HttpMethod.POST, path(), invalid);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((Map<String, Object>) refused.getBody().get("errors")).containsOnlyKeys("legalBasis", "purpose", "reasonNotInformed");
    Map<String, Object> unknownBasis = manualShare();
    unknownBasis.put("legalBasis", "onderbuikgevoel");
    assertThat((Map<String, Object>) Rest.as(http, "ovj-hm").send(HttpMethod.POST, path(), unknownBasis).getBody().get("errors"))
        .containsOnlyKeys("legalBasis");
    assertThat(register.forCase(weging.casusId)).hasSize(1);
  }

  @Test
  void aParticipantRecordsAPhoneCallByHand() {
    ResponseEntity<Map<String, Object>> created = Rest.as(http, "ovj-hm").send(HttpMethod.POST, path(), manualShare());

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("kind", "handmatig").containsEntry("recordedBy", "ovj-hm")
        .containsEntry("legalBasis", "wettelijke-plicht").containsEntry("personInformed", true);
    assertThat(created.getHeaders().getLocation()).hasToString(path() + "/" + created.getBody().get("id"));
    assertThat(register.forCase(weging.casusId)).extracting(SharingEntry::kind)
        .containsExactly("bijdrage-weging", "handmatig");
  }

  @Test
  void thePrivacyOfficerExportsTheRegisterAsCsvAndNobodyElseMay() {
    ResponseEntity<String> csv = Rest.as(http, "privacy-leiden").get("/api/sharing/export");

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    List<String> lines = csv.getBody().replace("\uFEFF", "").lines().toList();
    assertThat(lines.get(0)).isEqualTo(SharingCsv.HEADER);
    assertThat(lines).anySatisfy(line -> assertThat(line).contains(weging.casusId + ";")
        .contains(";bijdrage-weging;politie-expert-radicalisering;weegploeg;").contains(";wet-pga;"));
    assertThat(Rest.as(http, "privacy-leiden").get("/api/sharing/export?format=json", LIST).getBody())
        .anySatisfy(e -> assertThat(e).containsEntry("casusId", weging.casusId));
    assertThat(accessLog.forCase(weging.casusId)).anySatisfy(line -> assertThat(line.kind()).isEqualTo("export"));

    assertThat(Rest.as(http, "adviseur-leiden").get("/api/sharing/export").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(Rest.as(http, "politie-expert-hm").get("/api/sharing/export").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void thePrivacyOfficerMayReadTheRegisterOfACaseSheTakesNoPartIn() {
    assertThat(Rest.as(http, "privacy-leiden").get(path(), LIST).getBody()).hasSize(1);
  }

  private String path() {
    return "/api/cases/" + weging.casusId + "/sharing";
  }

  private static Map<String, Object> manualShare() {
    Map<String, Object> share = new HashMap<>();
    share.put("from", "officier-van-justitie");
    share.put("to", "wijkagent Leiden");
    share.put("purpose", "Afstemming over de veiligheid van de melder.");
    share.put("legalBasis", "wettelijke-plicht");
    share.put("proportionality", "Alleen dat er een onderzoek loopt, geen details.");
    share.put("subsidiarity", "Zonder deze afstemming kan de wijkagent de melder niet beschermen.");
    share.put("dataCategories", "status strafrechtelijk onderzoek");
    share.put("specialCategories", false);
    share.put("personInformed", true);
    return share;
  }
}
