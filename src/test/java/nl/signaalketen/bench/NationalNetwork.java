package nl.signaalketen.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A synthetic national network, the same for the product (loaded into its registry through
 * NetworkService) and the twin (which derives candidate users from it directly, no registry):
 * ~342 gemeenten in ~25 ZVH regions. Region 1 is the heavy one (a metropolitan region, more
 * gemeenten and more cases per gemeente); its ZVH-wide adviseur radicalisering is the heavy user.
 *
 * <p>People: per gemeente a meldpunt ({@code medewerker-meldpunt}, an intake role) and an adviseur
 * radicalisering; per region ZVH-wide holders of the weegploeg partner roles (politie, OM, RvdK,
 * Reclassering), the voorzitter and the procesregisseur; in the heavy region also a ZVH-wide
 * adviseur radicalisering.
 */
public final class NationalNetwork {

  public static final String PASSWORD = "Bench-Wachtwoord-2025!";

  /** Roles held per region, ZVH-wide, with the person id prefix. */
  static final Map<String, String> REGIONAL_ROLES = new LinkedHashMap<>();

  static {
    REGIONAL_ROLES.put("politie-expert-radicalisering", "politie");
    REGIONAL_ROLES.put("officier-van-justitie", "ovj");
    REGIONAL_ROLES.put("raadsonderzoeker", "rvdk");
    REGIONAL_ROLES.put("reclassering-ter", "reclassering");
    REGIONAL_ROLES.put("voorzitter-casusoverleg", "voorzitter");
    REGIONAL_ROLES.put("procesregisseur", "procesregisseur");
  }

  public record Gemeente(String code, String name, String region, boolean heavy) {}

  public record Region(String code, String name, boolean heavy, List<String> gemeenten) {}

  private final List<Region> regions = new ArrayList<>();
  private final List<Gemeente> gemeenten = new ArrayList<>();
  private final Map<String, Gemeente> byCode = new LinkedHashMap<>();

  /**
   * {@code gemeenteCount} gemeenten over {@code regionCount} regions; the heavy region (the first)
   * gets twice an ordinary region's share of gemeenten.
   */
  public NationalNetwork(int gemeenteCount, int regionCount) {
    int heavyShare = Math.max(1, Math.round(2f * gemeenteCount / (regionCount + 1)));
    int rest = gemeenteCount - heavyShare;
    int next = 1;
    for (int r = 1; r <= regionCount; r++) {
      boolean heavy = r == 1;
      int count = heavy ? heavyShare
          : rest / (regionCount - 1) + ((r - 2) < rest % (regionCount - 1) ? 1 : 0);
      String regionCode = String.format("zvh-r%02d", r);
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < count; i++, next++) {
        String code = String.format("gemeente-g%03d", next);
        Gemeente g = new Gemeente(code, String.format("Gemeente G%03d", next), regionCode, heavy);
        gemeenten.add(g);
        byCode.put(code, g);
        codes.add(code);
      }
      regions.add(new Region(regionCode, String.format("Zorg- en Veiligheidshuis Regio %02d", r), heavy,
          List.copyOf(codes)));
    }
  }

  public List<Region> regions() {
    return regions;
  }

  public List<Gemeente> gemeenten() {
    return gemeenten;
  }

  public Gemeente gemeente(String code) {
    return byCode.get(code);
  }

  public Region heavyRegion() {
    return regions.get(0);
  }

  public static String meldpunt(String gemeenteCode) {
    return "meldpunt-" + suffix(gemeenteCode);
  }

  public static String adviseur(String gemeenteCode) {
    return "adviseur-" + suffix(gemeenteCode);
  }

  public static String regional(String prefix, String regionCode) {
    return prefix + "-" + regionCode.substring("zvh-".length());
  }

  /** The heavy user: the ZVH-wide adviseur radicalisering of the heavy region. */
  public String heavyUser() {
    return "adviseur-zvh-" + heavyRegion().code().substring("zvh-".length());
  }

  /** A typical professional: the adviseur radicalisering of a gemeente in an ordinary region. */
  public String typicalUser() {
    return adviseur(regions.get(regions.size() / 2).gemeenten().get(0));
  }

  private static String suffix(String gemeenteCode) {
    return gemeenteCode.substring("gemeente-".length());
  }

  /** A person of the network: id, name, organisation, and the role assignments (role, scope). */
  public record PersonSpec(String id, String name, String organisation, List<String[]> assignments) {}

  public List<PersonSpec> people() {
    List<PersonSpec> people = new ArrayList<>();
    for (Gemeente g : gemeenten) {
      people.add(new PersonSpec(meldpunt(g.code()), "Meldpunt " + g.name(), g.code(),
          List.<String[]>of(new String[] {"medewerker-meldpunt", g.code()})));
      people.add(new PersonSpec(adviseur(g.code()), "Adviseur " + g.name(), g.code(),
          List.<String[]>of(new String[] {"adviseur-radicalisering", g.code()})));
    }
    for (Region r : regions) {
      REGIONAL_ROLES.forEach((role, prefix) -> people.add(new PersonSpec(regional(prefix, r.code()),
          "Regionaal " + prefix + " " + r.code(), r.code(), List.<String[]>of(new String[] {role, r.code()}))));
    }
    people.add(new PersonSpec(heavyUser(), "Adviseur ZVH " + heavyRegion().code(), heavyRegion().code(),
        List.<String[]>of(new String[] {"adviseur-radicalisering", heavyRegion().code()})));
    return people;
  }

  /** Who the product's registry offers a task of this role in this gemeente to (no deputies here). */
  public SortedSet<String> candidates(String role, String gemeenteCode) {
    SortedSet<String> users = new TreeSet<>();
    Gemeente g = byCode.get(gemeenteCode);
    if (g == null || role == null) {
      return users;
    }
    switch (role) {
      case "medewerker-meldpunt" -> users.add(meldpunt(g.code()));
      case "adviseur-radicalisering" -> {
        users.add(adviseur(g.code()));
        if (g.heavy()) {
          users.add(heavyUser());
        }
      }
      default -> {
        String prefix = REGIONAL_ROLES.get(role);
        if (prefix != null) {
          users.add(regional(prefix, g.region()));
        }
      }
    }
    return users;
  }
}
