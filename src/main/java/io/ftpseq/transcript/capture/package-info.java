/**
 * Packet captures (pcap and pcapng) read as FTP sessions: frames are unwrapped from their link
 * layer, IP (IPv4 fragments reassembled) and TCP, each TCP direction is reassembled by sequence
 * number, and connections whose content is an FTP control dialogue become sessions; the data
 * connections they announce become notes of those sessions. Sources name the 1-based packet (frame)
 * number where a command or reply's first byte arrived, and its time, so {@code capture.pcap#17}
 * means frame 17 as Wireshark numbers it.
 */
package io.ftpseq.transcript.capture;
