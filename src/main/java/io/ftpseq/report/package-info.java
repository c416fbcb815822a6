/**
 * Writers that turn the results of a check run into reports: text for people, JSON for tools, and
 * later the formats CI systems display.
 */
package io.ftpseq.report;
