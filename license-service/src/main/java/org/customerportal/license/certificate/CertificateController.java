package org.customerportal.license.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.customerportal.license.licenses.License;
import org.customerportal.license.licenses.LicenseAccess;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed licence certificates for offline checks, and the key that verifies them. The format is described
 * in docs/license-certificates.md.
 */
@RestController
@RequestMapping("/api/licenses")
@Tag(name = "Certificates", description = "Signed license certificates that an installed product checks offline, and the key that verifies "
		+ "them.")
class CertificateController {

	static final String FORMAT = "customer-portal-license-certificate";

	static final int FORMAT_VERSION = 1;

	private final LicenseAccess access;

	private final LicenseSigner signer;

	private final Clock clock;

	CertificateController(LicenseAccess access, LicenseSigner signer, Clock clock) {
		this.access = access;
		this.signer = signer;
		this.clock = clock;
	}

	record CertificateResponse(String format, int formatVersion, String algorithm, String keyId,
			Map<String, Object> payload, String signature) {
	}

	record PublicKeyResponse(String algorithm, String keyId, String publicKey, String rawPublicKey,
			String publicKeyPem) {
	}

	@GetMapping("/{id}/certificate")
	@Operation(summary = "The licence's terms signed with Ed25519, for a product to check offline",
			description = "The license's terms signed with Ed25519, so that an installed product can check them without "
					+ "calling the portal; verify them with the key of `GET /api/licenses/public-key`. Order contacts "
					+ "and support.")
	CertificateResponse certificate(CurrentUser user, @PathVariable UUID id) {
		License license = access.visible(id, user);
		Map<String, Object> payload = payload(license, clock.instant().truncatedTo(ChronoUnit.SECONDS));
		byte[] signed = CanonicalJson.write(payload).getBytes(StandardCharsets.UTF_8);
		return new CertificateResponse(FORMAT, FORMAT_VERSION, LicenseSigner.ALGORITHM, signer.keyId(), payload,
				Base64.getEncoder().encodeToString(signer.sign(signed)));
	}

	@GetMapping("/public-key")
	@SecurityRequirements
	@Operation(summary = "Public: the Ed25519 key that verifies licence certificates",
			description = "The Ed25519 public key that verifies license certificates. Public: no token needed.")
	PublicKeyResponse publicKey() {
		String x509 = Base64.getEncoder().encodeToString(signer.publicKey().getEncoded());
		String pem = "-----BEGIN PUBLIC KEY-----\n" + x509 + "\n-----END PUBLIC KEY-----\n";
		return new PublicKeyResponse(LicenseSigner.ALGORITHM, signer.keyId(), x509,
				Base64.getEncoder().encodeToString(signer.rawPublicKey()), pem);
	}

	private Map<String, Object> payload(License license, Instant issuedAt) {
		LocalDate today = LocalDate.ofInstant(issuedAt, clock.getZone());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("formatVersion", FORMAT_VERSION);
		payload.put("keyId", signer.keyId());
		payload.put("issuedAt", issuedAt.toString());
		payload.put("licenseId", license.id().toString());
		payload.put("licenseKey", license.licenseKey());
		payload.put("organizationId", license.organizationId().toString());
		payload.put("orderId", license.orderId() == null ? null : license.orderId().toString());
		payload.put("product", license.product());
		payload.put("type", license.type().name());
		payload.put("productVersion", license.productVersion());
		payload.put("quota", license.quota());
		payload.put("validFrom", license.validFrom().toString());
		payload.put("expiresAt", license.expiresAt() == null ? null : license.expiresAt().toString());
		payload.put("maintenanceExpiresAt",
				license.maintenanceExpiresAt() == null ? null : license.maintenanceExpiresAt().toString());
		payload.put("status", license.effectiveStatus(today).name());
		return payload;
	}

}
