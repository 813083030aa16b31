/**
 * Requests and responses of the STS client, generated from {@code spec/sts.yaml} by
 * {@code templates/model.mustache}: immutable, built with builders, validated by {@code build()}.
 */
package io.github.tcvod.sts.model;
