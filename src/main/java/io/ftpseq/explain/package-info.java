/**
 * Plain-language explanations of rules, findings and replies, read from UTF-8 message bundles, one
 * per language ({@code Messages.properties}, {@code Messages_fr.properties}, ...): the reply-code
 * knowledge base ({@code Replies*.properties}, with language-neutral facts in {@code
 * reply-codes.properties}), the command knowledge base ({@code Commands*.properties}), and the
 * pages of {@code ftpseq explain} and {@code ftpseq compare} with their text, Markdown, HTML and
 * JSON renderers.
 */
package io.ftpseq.explain;
