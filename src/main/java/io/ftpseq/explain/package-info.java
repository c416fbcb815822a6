/**
 * Plain-language explanations of rules, findings and replies, read from UTF-8 message bundles, one
 * per language ({@code Messages.properties}, {@code Messages_fr.properties}, ...).
 */
package io.ftpseq.explain;
