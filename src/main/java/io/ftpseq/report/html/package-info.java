/**
 * The HTML report: one self-contained page (inline CSS, script and SVG, nothing fetched) with an
 * overview of the run and a sequence diagram of every session, readable with scripts off.
 */
package io.ftpseq.report.html;
