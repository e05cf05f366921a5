package nl.signaalketen.network;

/** A partner in the network. A gemeente names the ZVH whose region it belongs to. */
public record Organisation(String code, String name, OrganisationType type, String servedByZvh) {}
