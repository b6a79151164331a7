package org.atrium.portal.internal;

/**
 * One file of the portal as it is sent: the bytes, the same bytes gzipped once at start (the files
 * are small and fixed, so compressing per request would only cost CPU), the content type and a strong
 * entity tag for revalidation.
 */
record Asset(byte[] bytes, byte[] gzipped, String contentType, String etag) {

    /** Gzip only pays when it saves something; tiny files go as they are. */
    boolean worthGzipping() {
        return gzipped.length < bytes.length;
    }
}
