package io.ftpseq.proxy;

import java.util.concurrent.ExecutorService;

/**
 * What every session of one proxy shares: its settings, its threads, its watchdog, its data ports,
 * where its events go and where its records are written.
 *
 * @param records where transcripts are written, or {@code null} when not recording
 */
record ProxyContext(
    ProxySettings settings,
    ExecutorService threads,
    Watchdog watchdog,
    DataPorts dataPorts,
    ProxyEvents events,
    RecordDirectory records) {}
