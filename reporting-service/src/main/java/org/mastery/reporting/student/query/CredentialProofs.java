package org.mastery.reporting.student.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Where signing plugs in. A credential is built complete and unsigned; an implementation may add a
 * {@code proof} (a VC Data Integrity proof such as eddsa-rdfc-2022, with the issuer's key published
 * at the issuer id) or wrap it as a VC-JOSE JWT. The default adds nothing: signing is optional in
 * this release, and an unsigned credential says so by carrying no proof.
 */
@FunctionalInterface
public interface CredentialProofs {

    Optional<ObjectNode> proofFor(ObjectNode unsignedCredential);

    static CredentialProofs unsigned() {
        return credential -> Optional.empty();
    }
}
