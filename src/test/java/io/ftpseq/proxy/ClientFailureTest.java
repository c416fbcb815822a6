package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.explain.Explainer;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Why the proxy gave up on a client for a reason of its own ("interrupted", "the replies before
 * AUTH never came") is said in the run's language inside "the client's connection failed (...)", as
 * the rest of the line is; what the system said of a failed connection stays as it said it.
 */
class ClientFailureTest {

  private static String said(IOException e, Locale locale) {
    return Explainer.forLocale(locale)
        .say(Phrase.of("proxy.end.clientFailed", PhrasedError.reasonOf(e)));
  }

  @Test
  void theProxysOwnReasonsAreSaidInTheRunsLanguage() {
    IOException noReplies = new ClientFailure(Phrase.of("proxy.failure.noRepliesBeforeAuth"), null);
    IOException interrupted =
        new ClientFailure(Phrase.of("proxy.failure.interrupted"), new InterruptedException());

    assertThat(said(noReplies, Locale.FRENCH))
        .isEqualTo(
            "la connexion du client a échoué (les réponses d’avant AUTH ne sont jamais venues)");
    assertThat(said(interrupted, Locale.FRENCH))
        .isEqualTo("la connexion du client a échoué (interruption)");
    assertThat(said(noReplies, Locale.JAPANESE))
        .isEqualTo("クライアントの接続が失敗しました（AUTH の前のコマンドへの応答が届きませんでした）");
    assertThat(said(noReplies, Locale.ROOT))
        .isEqualTo("the client's connection failed (the replies before AUTH never came)");
    assertThat(noReplies).hasMessage("the replies before AUTH never came");
    assertThat(interrupted).hasMessage("interrupted");
  }

  @Test
  void whatTheSystemSaidStaysAsItSaidIt() {
    assertThat(said(new IOException("Connection reset"), Locale.FRENCH))
        .isEqualTo("la connexion du client a échoué (Connection reset)");
  }
}
