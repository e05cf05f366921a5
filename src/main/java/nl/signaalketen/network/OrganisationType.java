package nl.signaalketen.network;

/** The kinds of organisation in the chain; a role belongs to one of them (its domain). */
public enum OrganisationType {
  GEMEENTE("Gemeente"),
  ZVH("Zorg- en Veiligheidshuis"),
  POLITIE("Politie"),
  OM("Openbaar Ministerie"),
  RECLASSERING("Reclassering"),
  RAAD_VOOR_DE_KINDERBESCHERMING("Raad voor de Kinderbescherming"),
  NCTV("NCTV"),
  LSE("Landelijk Steunpunt Extremisme"),
  ESS("Expertise-unit Sociale Stabiliteit / Platform JEP"),
  SCHOOL("School"),
  GGZ("GGZ"),
  GGD("GGD"),
  HUISARTS("Huisarts"),
  JONGERENWERK("Jongerenwerk"),
  WONINGCORPORATIE("Woningcorporatie");

  private final String label;

  OrganisationType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
