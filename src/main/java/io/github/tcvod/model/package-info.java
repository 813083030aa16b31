/**
 * Requests, responses and the types inside them, generated from the spec ({@code spec/vod.yaml})
 * by {@code templates/model.mustache}: immutable, built with builders, validated against the
 * spec's limits by {@code build()}, bound to and from the API's JSON by generated Gson adapters.
 */
package io.github.tcvod.model;
