package org.customerportal.license.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Ed25519 key pair licence certificates are signed with (LICENSE_SIGNING_PRIVATE_KEY, base64 PKCS#8;
 * LICENSE_SIGNING_PUBLIC_KEY, base64 X.509 SubjectPublicKeyInfo).
 */
@ConfigurationProperties("portal.license.signing")
record SigningProperties(String privateKey, String publicKey) {
}
