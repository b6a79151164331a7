package org.atrium.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atrium REST API", description = "Where the API listens and how callers are authenticated")
public @interface RestConfig {
    @AttributeDefinition(description = "Address below the CXF servlet context (etc/org.apache.cxf.osgi.cfg, /api by default)")
    String address() default "/v1";

    @AttributeDefinition(description = "Karaf JAAS realm that checks user names and passwords")
    String realm() default "karaf";

    @AttributeDefinition(description = "Seconds a successful login is remembered; 0 logs in on every request")
    int loginCacheSeconds() default 60;

    @AttributeDefinition(description = "Largest request body in bytes; a larger one is refused with 413")
    long maxBodyBytes() default 1_048_576;

    @AttributeDefinition(description = "Largest attachment in bytes (POST /tickets/{key}/attachments); a larger one is refused with 413. "
            + "maxBodyBytes does not apply to uploads")
    long maxAttachmentBytes() default 10_485_760;

    @AttributeDefinition(description = "Media types accepted as attachments, comma-separated; empty: PDF, PNG, JPEG, GIF, WebP, plain text, "
            + "CSV, Office and OpenDocument files")
    String attachmentContentTypes() default "";

    @AttributeDefinition(description = "Origins (scheme://host[:port], comma-separated) whose browser pages may call the API; none by default")
    String corsAllowedOrigins() default "";

    @AttributeDefinition(description = "Seconds a browser may remember a CORS preflight's answer")
    int corsMaxAgeSeconds() default 600;

    @AttributeDefinition(description = "Failed logins in a row a user name may have before each further one locks it (for 1 s, doubling); 0: no lock by user")
    int loginFreeFailuresPerUser() default 5;

    @AttributeDefinition(description = "Failed logins in a row from one client address before each further one locks the address; 0: no lock by address")
    int loginFreeFailuresPerAddress() default 20;

    @AttributeDefinition(description = "The longest lock, in seconds")
    int loginMaxLockSeconds() default 300;

    @AttributeDefinition(description = "Minutes a portal session lives without being used (POST /session); fractions such as 0.5 allowed")
    double sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Hours a portal session lives at most after sign-in, however often it is used")
    int sessionMaxHours() default 10;
}
