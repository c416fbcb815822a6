/**
 * What ftpseq's two command lines, {@code ftpseq} and the Spark job's {@code spark-check}, say
 * about how they are used, in the run's language: the languages they speak, picocli's usage errors,
 * the values of their options, what the JDK and the system say in English about a file or a glob,
 * and the help read from a bundle of each language.
 */
package io.ftpseq.usage;
