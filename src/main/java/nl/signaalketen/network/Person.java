package nl.signaalketen.network;

/** A professional in the network; the id is also the Camunda user id (the login). */
public record Person(String id, String name, String email, String organisationCode) {}
