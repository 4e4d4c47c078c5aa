package org.customerportal.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person's Keycloak realm roles as authorities ({@code ROLE_support}), read from the access token
 * that Keycloak has just handed to this server over its back channel; the pages show the support
 * console only to support staff. The API checks the roles again on every call.
 */
class RealmRolesOidcUserService extends OidcUserService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = super.loadUser(request);
		Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
		realmRoles(request.getAccessToken().getTokenValue())
			.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
	}

	static Set<String> realmRoles(String accessToken) {
		Set<String> roles = new HashSet<>();
		String[] parts = accessToken.split("\\.");
		if (parts.length < 2) {
			return roles;
		}
		JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asString()));
		return roles;
	}

}
