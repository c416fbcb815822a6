/**
 * The sequence model: an immutable {@link io.ftpseq.rules.SessionState} of independent facets, one
 * pure transition per command and reply ({@link io.ftpseq.rules.Transitions}), the table of
 * ordering rules ({@link io.ftpseq.rules.Rule}) and the {@link io.ftpseq.rules.Validator} that
 * replays exchanges through them and reports {@link io.ftpseq.rules.Finding}s.
 */
package io.ftpseq.rules;
