package nl.signaalketen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import nl.signaalketen.testsupport.Chromium;
import nl.signaalketen.testsupport.IntegrationTest;
import nl.signaalketen.testsupport.Rest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** What a demo professional sees in Camunda Tasklist, in a real browser. */
@IntegrationTest
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAdviseurLogsInFindsMeldingDuidenUnderTheirRoleFilterOpensItsFormAndClaimsIt() {
    var started = Rest.as(http, "meldpunt-leiden").startChain("gemeente-leiden");
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String caseKey = runtime.createProcessInstanceQuery()
        .processInstanceId((String) started.getBody().get("id")).singleResult().getBusinessKey();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys("adviseur-leiden");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(Rest.DEMO_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Taken voor mijn rollen")))
        .click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"),
        "Melding duiden"));
    Chromium.screenshot(browser, "tasklist-adviseur-leiden");

    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Mijn taken").contains("Taken voor mijn rollen").contains("Melding duiden");

    browser.findElement(By.partialLinkText("Melding duiden")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Signaal (feiten)"));
    Chromium.screenshot(browser, "tasklist-melding-duiden-form");

    browser.findElement(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Fatima el Amrani"));
    assertThat(engineTask(caseKey).getAssignee()).isEqualTo("adviseur-leiden");
  }

  private org.camunda.bpm.engine.task.Task engineTask(String caseKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseKey).singleResult();
  }
}
