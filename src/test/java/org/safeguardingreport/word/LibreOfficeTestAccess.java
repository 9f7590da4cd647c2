package org.safeguardingreport.word;

/** LibreOfficeTest's check that soffice is installed, for tests in other packages. */
public final class LibreOfficeTestAccess {
    private LibreOfficeTestAccess() {
    }

    public static boolean hasSoffice() {
        return LibreOfficeTest.hasSoffice();
    }
}
