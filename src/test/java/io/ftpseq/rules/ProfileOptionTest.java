package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command reads {@code --profile NAME|auto|FILE} alike, wherever its files are. */
class ProfileOptionTest {

  @TempDir Path temp;

  private static final ProfileOption.FileReader NO_FILES =
      file -> {
        throw new AssertionError("no file is read for " + file);
      };

  @Test
  void autoAndBuiltInsReadNoFile() {
    assertThat(ProfileOption.of("auto", NO_FILES))
        .isEqualTo(new ProfileOption(ProfileChoice.AUTO, null));
    assertThat(ProfileOption.of("vsftpd", NO_FILES).choice().profile().name()).isEqualTo("vsftpd");
    assertThat(ProfileOption.of("vsftpd", NO_FILES).json()).isNull();
  }

  @Test
  void aNameThatIsNoProfileIsRefusedBeforeAnyFileIsRead() {
    assertThatThrownBy(() -> ProfileOption.of("vsftp", NO_FILES))
        .isInstanceOf(ProfileOption.UnknownProfileException.class)
        .hasMessageStartingWith("unknown profile 'vsftp'; known profiles: rfc, vsftpd,")
        .hasMessageEndingWith(", auto, or a profile JSON file");
    assertThatThrownBy(() -> ProfileOption.check("nonesuch"))
        .isInstanceOf(ProfileOption.UnknownProfileException.class);
    ProfileOption.check("some/where.json");
    ProfileOption.check("local.json");
  }

  @Test
  void aMissingFileIsOneLineWhicheverFileSystemSaysSo() {
    ProfileOption.FileReader local =
        file -> {
          throw new NoSuchFileException(file);
        };
    ProfileOption.FileReader hadoop =
        file -> {
          throw new FileNotFoundException("File " + file + " does not exist");
        };
    for (ProfileOption.FileReader reader : new ProfileOption.FileReader[] {local, hadoop}) {
      assertThatThrownBy(() -> ProfileOption.of("no/such/profile.json", reader))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("profile no/such/profile.json: no such file");
    }
  }

  @Test
  void aFileThatIsNoProfileIsOneLineNamingIt() throws IOException {
    Path broken = Files.writeString(temp.resolve("broken.json"), "{\"name\": \n");
    assertThatThrownBy(() -> ProfileOption.of(broken.toString(), f -> Files.readString(Path.of(f))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("profile " + broken)
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ProfileOption.of(temp + "/", f -> Files.readString(Path.of(f))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("profile " + temp + "/: ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aProfileFileIsReadWithItsText() throws IOException {
    String json = ServerProfiles.toJson(ServerProfiles.builtIn("proftpd").orElseThrow());
    ProfileOption option = ProfileOption.of("mine/proftpd.json", f -> json);
    assertThat(option.json()).isEqualTo(json);
    assertThat(option.choice())
        .isEqualTo(ProfileChoice.of(ServerProfiles.builtIn("proftpd").orElseThrow()));
  }
}
