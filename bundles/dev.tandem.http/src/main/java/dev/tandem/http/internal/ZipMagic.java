package dev.tandem.http.internal;

/** The cheap first look at an uploaded rule bundle; the engine checks the archive in depth before installing it. */
final class ZipMagic {
    private static final byte[] LOCAL_FILE_HEADER = {'P', 'K', 3, 4};

    private ZipMagic() {
    }

    static boolean isZip(byte[] body) {
        if (body.length < LOCAL_FILE_HEADER.length) {
            return false;
        }
        for (int i = 0; i < LOCAL_FILE_HEADER.length; i++) {
            if (body[i] != LOCAL_FILE_HEADER[i]) {
                return false;
            }
        }
        return true;
    }
}
