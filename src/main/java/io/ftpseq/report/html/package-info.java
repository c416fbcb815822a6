/**
 * The HTML report: one self-contained page (inline CSS, script and SVG, nothing fetched) with an
 * overview of the run, a table of its sessions one line each, and a sequence diagram of the
 * sessions with findings or problems, readable with scripts off.
 */
package io.ftpseq.report.html;
