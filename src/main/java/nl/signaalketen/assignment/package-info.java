/**
 * How a task reaches a person: a user task names a network role; at creation it is offered to the
 * people holding that role today for the case's gemeente (directly or through its ZVH), deputies
 * included; nobody there means an incident naming role and gemeente. Open tasks follow registry
 * changes; every professional gets the Tasklist filters.
 */
package nl.signaalketen.assignment;
