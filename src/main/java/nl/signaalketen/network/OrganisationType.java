package nl.signaalketen.network;

/** The kinds of organisation in the chain; a role belongs to one of them (its domain). */
public enum OrganisationType {
  GEMEENTE,
  /** Zorg- en Veiligheidshuis. */
  ZVH,
  POLITIE,
  /** Openbaar Ministerie. */
  OM,
  RECLASSERING,
  RAAD_VOOR_DE_KINDERBESCHERMING,
  NCTV,
  /** Landelijk Steunpunt Extremisme. */
  LSE,
  /** Expertise-unit Sociale Stabiliteit / Platform JEP. */
  ESS,
  SCHOOL,
  GGZ,
  GGD,
  HUISARTS,
  JONGERENWERK,
  WONINGCORPORATIE
}
