/**
 * Probing real servers: scenarios (short command scripts that measure how a server reacts to one
 * situation) and the runner that sends them verbatim, out-of-order ones included, and records every
 * reply. Server profiles are built from what it observes.
 */
package io.ftpseq.probe;
