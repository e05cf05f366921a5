/**
 * Secrets for keyed hashes (the deletion log's salt, the person key): from the environment in
 * production, else generated once and kept in the database.
 */
package nl.signaalketen.secrets;
