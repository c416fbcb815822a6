/**
 * Which files of a local tree a check reads: the one walk of what the user named that {@code ftpseq
 * check} and the Spark job share ({@link io.ftpseq.listing.InputWalk}), so both read the same files
 * and leave out, say and count the same names (links to directories and to nothing, FIFOs and
 * devices, reports and tables ftpseq wrote, a file reached twice, an empty directory).
 */
package io.ftpseq.listing;
