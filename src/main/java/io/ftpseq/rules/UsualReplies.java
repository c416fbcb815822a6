package io.ftpseq.rules;

import io.ftpseq.protocol.Verb;
import java.util.EnumMap;
import java.util.Map;

/**
 * The reply most servers give to a verb in a legal position, used when a profile has no {@code
 * REPLY:<VERB>} key; 0 for verbs whose reply depends on more than the order (SITE, ALLO, MLST).
 */
final class UsualReplies {

  /** The usual reply of each verb as a prediction: made once. */
  private static final Map<Verb, Prediction> PREDICTIONS = new EnumMap<>(Verb.class);

  static {
    for (Verb verb : Verb.values()) {
      PREDICTIONS.put(verb, new Prediction(code(verb), "", Situation.REPLY.key(verb)));
    }
  }

  private UsualReplies() {}

  /** The usual reply to the verb, as a model predicts it when its profile has none. */
  static Prediction prediction(Verb verb) {
    return PREDICTIONS.get(verb);
  }

  static int code(Verb verb) {
    return switch (verb) {
      case USER -> 331;
      case PASS -> 230;
      case PASV -> 227;
      case EPSV -> 229;
      case PORT, EPRT, TYPE, MODE, STRU, NOOP, OPTS -> 200;
      case LIST, NLST, RETR, STOR, APPE, STOU, MLSD -> 150;
      case CWD, XCWD, DELE, RMD, XRMD, RNTO, CDUP, XCUP -> 250;
      case PWD, XPWD, MKD, XMKD -> 257;
      case RNFR, REST -> 350;
      case SYST -> 215;
      case FEAT, STAT -> 211;
      case HELP -> 214;
      case SIZE, MDTM -> 213;
      case QUIT -> 221;
      case ABOR -> 226;
      default -> 0;
    };
  }
}
