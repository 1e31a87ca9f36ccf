package com.atlascost.reports.atlas.ratelimit;

/**
 * How an organization's pace went, once it met a 429: its bucket at Atlas looked smaller
 * than published (another client shares it), so the client slowed it down.
 *
 * @param rateLimited the 429s it met
 * @param publishedRate the published rate, requests per second
 * @param lowestRate the slowest pace it was given, requests per second
 * @param currentRate its pace at the end, requests per second
 */
public record OrganizationSlowdown(long rateLimited, double publishedRate, double lowestRate, double currentRate) {
}
