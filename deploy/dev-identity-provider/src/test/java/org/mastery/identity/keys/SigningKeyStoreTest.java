package org.mastery.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void creates_a_private_rsa_key_on_first_start_readable_by_the_owner_only() throws Exception {
        Path file = dir.resolve("identity/signing-key.json");

        RSAKey key = SigningKeyStore.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void keeps_the_same_key_across_restarts() {
        Path file = dir.resolve("signing-key.json");
        RSAKey first = SigningKeyStore.loadOrCreate(file);

        RSAKey second = SigningKeyStore.loadOrCreate(file);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toPublicJWK().toJSONString()).isEqualTo(first.toPublicJWK().toJSONString());
    }

    @Test
    void a_different_file_gets_a_different_key() {
        RSAKey a = SigningKeyStore.loadOrCreate(dir.resolve("a.json"));
        RSAKey b = SigningKeyStore.loadOrCreate(dir.resolve("b.json"));

        assertThat(a.getKeyID()).isNotEqualTo(b.getKeyID());
        assertThat(a.getModulus()).isNotEqualTo(b.getModulus());
    }

    @Test
    void refuses_a_file_that_holds_no_private_key_instead_of_replacing_it() throws Exception {
        Path file = dir.resolve("signing-key.json");
        RSAKey key = SigningKeyStore.loadOrCreate(file);
        Files.writeString(file, key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeyStore.loadOrCreate(file)).hasMessageContaining("private RSA JWK");
        assertThat(Files.readString(file)).isEqualTo(key.toPublicJWK().toJSONString());
    }

    @Test
    void refuses_a_file_that_is_not_a_jwk() throws Exception {
        Path file = dir.resolve("signing-key.json");
        Files.writeString(file, "not json");

        assertThatThrownBy(() -> SigningKeyStore.loadOrCreate(file)).hasMessageContaining("is not a JWK");
    }
}
