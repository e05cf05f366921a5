/**
 * While the database is unreachable every API answers 503 with {@code Retry-After} and a JSON body
 * within seconds (the pool waits {@code spring.datasource.hikari.connection-timeout}), instead of a
 * 500 after 30 s; the next request after the database is back works again, without a restart.
 */
package nl.signaalketen.outage;
