/** Java extension points that descriptors refer to by name; see docs/descriptors.md. */
@org.osgi.annotation.versioning.Version("0.2.0")
package org.atrium.api.spi;
