/**
 * The REST surface clients may use. Camunda's REST APIs (/engine-rest, and /camunda/api under the
 * webapps) offer far more than a professional needs: administering tasks, writing variables,
 * modifying instances, queries that filter on data one may not read. The gate lets through only
 * the operations {@link nl.signaalketen.gate.RestOperations} lists for the kind of client, and
 * checks each: a claim is for oneself, a form is completed with exactly its fields
 * ({@link nl.signaalketen.formvalidation.FormContract}), a query does not filter on variable values.
 */
package nl.signaalketen.gate;
