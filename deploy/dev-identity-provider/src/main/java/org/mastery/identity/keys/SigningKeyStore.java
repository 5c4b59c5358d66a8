package org.mastery.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's RSA signing key, kept as a private JWK in a file so that tokens issued before a
 * restart still verify after it. Created on first start (owner-only permissions where the file
 * system supports them); never regenerated while the file exists.
 */
public final class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

    private SigningKeyStore() {
    }

    public static RSAKey loadOrCreate(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            return load(target);
        }
        RSAKey key = generate();
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".signing-key", ".tmp");
            try {
                restrictToOwner(tmp);
                Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            return load(target); // another process created it first: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the signing key to " + target, e);
        }
        if (!load(target).getKeyID().equals(key.getKeyID())) {
            // a concurrent creator won the rename: theirs is the key in force
            return load(target);
        }
        log.info("Created a new signing key {} in {}", key.getKeyID(), target);
        return key;
    }

    static RSAKey load(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException(file + " does not hold a private RSA JWK");
            }
            log.info("Using signing key {} from {}", rsa.getKeyID(), file);
            return rsa;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(java.util.Date.from(Instant.now()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
