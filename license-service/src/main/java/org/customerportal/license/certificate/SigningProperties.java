package org.customerportal.license.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Ed25519 key pair licence certificates are signed with.
 *
 * @param privateKey the private key, base64 PKCS#8; the committed one is for development only
 * @param publicKey the public key, base64 X.509 SubjectPublicKeyInfo, which products verify certificates with
 */
@ConfigurationProperties("portal.license.signing")
record SigningProperties(String privateKey, String publicKey) {
}
