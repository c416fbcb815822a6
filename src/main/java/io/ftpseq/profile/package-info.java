/**
 * Server profiles: what each real server answers in each sequence situation, as data (one JSON file
 * per server), and the {@link io.ftpseq.profile.ServerModel} that follows a session and predicts
 * the server's next reply from its profile.
 */
package io.ftpseq.profile;
