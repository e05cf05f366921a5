package nl.signaalketen.network;

/**
 * A role in the chain (e.g. adviseur-radicalisering); its domain is the kind of organisation that
 * fills it; overdue tasks of the role escalate to the holders of its lead role.
 */
public record Role(String code, String name, OrganisationType domain, String lead) {}
