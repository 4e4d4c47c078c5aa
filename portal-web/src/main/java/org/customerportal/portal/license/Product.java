package org.customerportal.portal.license;

/** A product of the catalogue ({@code GET /api/products}), as the licence pages name it. */
public record Product(String code, String name) {
}
