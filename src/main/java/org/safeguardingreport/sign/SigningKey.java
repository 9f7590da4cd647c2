package org.safeguardingreport.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collections;

/** A Trust's signing key and certificate chain, from a PKCS#12 keystore. */
public record SigningKey(PrivateKey key, Certificate[] chain) {

    /** A signing key that cannot be used, with a message for the user. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unusable(String message) {
            super(message);
        }
    }

    public X509Certificate certificate() {
        return (X509Certificate) chain[0];
    }

    public static SigningKey load(Path p12, char[] password) throws Unusable {
        if (!Files.isRegularFile(p12)) {
            throw new Unusable(p12 + ": no such keystore file");
        }
        KeyStore ks;
        try (InputStream in = Files.newInputStream(p12)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
        } catch (IOException e) {
            throw new Unusable(p12 + ": cannot open the keystore: the password is wrong, or this is not a PKCS#12 (.p12) file");
        } catch (GeneralSecurityException e) {
            throw new Unusable(p12 + ": cannot open the keystore: " + e.getMessage());
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (key == null || chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                        continue;
                    }
                    X509Certificate cert = (X509Certificate) chain[0];
                    try {
                        cert.checkValidity();
                    } catch (CertificateExpiredException e) {
                        throw new Unusable(p12 + ": the signing certificate expired on " + cert.getNotAfter().toInstant()
                                + "; renew it before signing");
                    } catch (CertificateNotYetValidException e) {
                        throw new Unusable(p12 + ": the signing certificate is not valid until " + cert.getNotBefore().toInstant());
                    }
                    return new SigningKey(key, chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new Unusable(p12 + ": cannot read the private key: " + e.getMessage());
        }
        throw new Unusable(p12 + ": the keystore holds no private key with a certificate");
    }
}
