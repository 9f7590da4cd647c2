package org.safeguardingreport.sign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks every signature of a PDF: who signed, when, why, whether the signed bytes are unchanged,
 * and whether the signature covers the whole file (nothing appended after signing).
 */
public final class Verifier {

    public record Result(String name, String signer, Calendar time, String reason, boolean intact,
                         boolean coversWholeFile, long bytesAfter, String problem) {
        public boolean ok() {
            return intact && coversWholeFile;
        }
    }

    private Verifier() {
    }

    public static List<Result> verify(Path pdf) throws IOException {
        byte[] file = Files.readAllBytes(pdf);
        List<Result> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file)) {
            int n = 0;
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                n++;
                String name = sig.getName() != null ? sig.getName() : "signature " + n;
                int[] range = sig.getByteRange();
                long end = range.length == 4 ? (long) range[2] + range[3] : -1;
                boolean covers = coversWholeFile(range, file.length);
                String signer = "";
                boolean intact = false;
                String problem = null;
                try {
                    byte[] content = sig.getContents(file);
                    byte[] signed = sig.getSignedContent(file);
                    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), content);
                    SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
                    @SuppressWarnings("unchecked")
                    Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(si.getSID());
                    if (certs.isEmpty()) {
                        problem = "the signature carries no certificate";
                    } else {
                        X509CertificateHolder cert = certs.iterator().next();
                        signer = commonName(cert);
                        intact = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
                        if (!intact) {
                            problem = "the signed bytes have changed since signing";
                        }
                    }
                } catch (Exception e) {
                    problem = "the signed bytes have changed since signing, or the signature is damaged ("
                            + e.getClass().getSimpleName() + ")";
                }
                out.add(new Result(name, signer, sig.getSignDate(), sig.getReason(), intact, covers,
                        end >= 0 ? file.length - end : -1, problem));
            }
        }
        return out;
    }

    /**
     * Whether a signature's byte range takes in every byte of a file of {@code length} bytes but its
     * own /Contents: from the first byte, with one gap, to the last. A range that starts later leaves
     * bytes before it unsigned; one that ends sooner leaves an appended update unsigned.
     */
    static boolean coversWholeFile(int[] range, long length) {
        return range.length == 4 && range[0] == 0 && range[1] >= 0 && range[2] >= range[1] && range[3] >= 0
                && (long) range[2] + range[3] == length;
    }

    private static String commonName(X509CertificateHolder cert) {
        RDN[] cn = cert.getSubject().getRDNs(BCStyle.CN);
        return cn.length > 0 ? IETFUtils.valueToString(cn[0].getFirst().getValue()) : cert.getSubject().toString();
    }
}
