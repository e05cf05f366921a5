/**
 * The rhythm of the chain: named deadlines in application.yaml (working days skip weekends and
 * Dutch public holidays), due dates on user tasks, timers through the {@code deadlines} bean, loop
 * bounds through {@code limits}, and the reminder-then-escalation of overdue tasks.
 */
package nl.signaalketen.deadlines;
