package org.lente.web;

/**
 * An article added through this server, as the home page lists it.
 *
 * @param input the URL, or "text"/"html"
 * @param state queued, analysing, stored, duplicate or failed
 * @param articleId the stored article, or null while there is none
 * @param error why it failed, or null
 */
public record HomeSubmission(String input, String state, Long articleId, String error) {}
