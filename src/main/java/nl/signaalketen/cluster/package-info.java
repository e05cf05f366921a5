/**
 * Several identical nodes on one PostgreSQL: each scheduled job of ours runs on one node at a time
 * (ShedLock, a lock row per job in {@code sk_shedlock}, times from the database's clock).
 */
package nl.signaalketen.cluster;
