/**
 * The JSON mapping of Camunda's REST resources ({@code /engine-rest} and the webapps' engine API):
 * one configured Jackson mapper per application instead of a new one per call.
 */
package nl.signaalketen.restjson;
