/**
 * The one place that attaches the chain's behaviour to the engine's parsing of processes, so that
 * process owners only declare roles, deadlines and forms in Modeler; and the engine reads several
 * capabilities share (EngineReads).
 */
package nl.signaalketen.engine;
