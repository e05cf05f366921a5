/** Once-per-installation start-up steps, shared by the capabilities that need one. */
package nl.signaalketen.startup;
